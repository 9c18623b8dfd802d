package dev.tablesync.annotations;

/**
 * What reconciliation does with a target row whose key the source query no longer returns: the
 * row was deleted in the source, or stopped matching the query's filter.
 */
public enum GoneRowPolicy {
  /** Leave the row in the target and report it as extra. */
  KEEP,
  /** Delete the row from the target. */
  DELETE,
  /**
   * Set {@link SyncTable#softDeleteColumn()}, a boolean column, to true when the row leaves the
   * source, and back to false when the source returns it again.
   */
  MARK_FLAG,
  /**
   * Set {@link SyncTable#softDeleteColumn()}, a nullable date-time column, to the target's current
   * time when the row leaves the source, and back to NULL when the source returns it again.
   */
  MARK_TIME;

  /** Whether this policy marks rows in a soft-delete column. */
  public boolean marks() {
    return this == MARK_FLAG || this == MARK_TIME;
  }
}
