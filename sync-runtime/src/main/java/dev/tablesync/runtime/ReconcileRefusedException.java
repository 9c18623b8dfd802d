package dev.tablesync.runtime;

/**
 * A reconciliation refused to delete: the source query returned no rows at all, or the rows to
 * delete (or mark) exceed the table's delete guard. Nothing was deleted; the missing and
 * different rows it found were repaired, and {@link #result} says what it found.
 */
public class ReconcileRefusedException extends SyncException {

  private static final long serialVersionUID = 1L;

  private final transient ReconcileResult result;

  public ReconcileRefusedException(String syncName, String position, String message,
      ReconcileResult result) {
    super(syncName, position, message, null);
    this.result = result;
  }

  /** What the reconciliation found and repaired before it refused to delete. */
  public ReconcileResult result() {
    return result;
  }
}
