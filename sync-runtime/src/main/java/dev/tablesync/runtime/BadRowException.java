package dev.tablesync.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A row that could not be read or written: the message names the sync, the row's key, the column
 * and the cause. Its batch was rolled back and the cursor did not move.
 */
public final class BadRowException extends SyncException {

  private static final long serialVersionUID = 1L;

  private final List<Object> key;
  private final String column;

  /**
   * @param syncName the sync
   * @param position the stored position, which the failed batch did not move
   * @param key the row's key values; values that could not be read are null
   * @param column the column at fault, or null when neither the database nor the engine can tell
   * @param problem what is wrong, as the message should say it (passwords already masked)
   * @param cause the exception that reported it
   */
  public BadRowException(
      String syncName,
      String position,
      List<Object> key,
      String column,
      String problem,
      Throwable cause) {
    super(
        syncName,
        position,
        "bad row with key " + key + (column == null ? "" : ", column " + column) + ": " + problem,
        cause);
    this.key = Collections.unmodifiableList(new ArrayList<>(key));
    this.column = column;
  }

  /** The bad row's key values, in key order; values that could not be read are null. */
  public List<Object> key() {
    return key;
  }

  /** The column whose value was bad, or null when neither the database nor the engine can tell. */
  public String column() {
    return column;
  }
}
