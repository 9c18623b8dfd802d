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

  public BadRowException(
      String syncName, String position, List<Object> key, String column, Throwable cause) {
    super(
        syncName,
        position,
        "bad row with key " + key + (column == null ? "" : ", column " + column) + ": "
            + cause.getMessage(),
        cause);
    this.key = Collections.unmodifiableList(new ArrayList<>(key));
    this.column = column;
  }

  /** The bad row's key values, in key order; values that could not be read are null. */
  public List<Object> key() {
    return key;
  }

  /** The column whose value was bad, or null when the database did not say. */
  public String column() {
    return column;
  }
}
