package dev.tablesync.runtime;

/**
 * A run of a table failed. The batch in flight was rolled back and its cursor stays where the last
 * committed batch left it. The message names the sync and that cursor.
 */
public class SyncException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String syncName;
  private final String position;

  public SyncException(String syncName, String position, String message, Throwable cause) {
    super(syncName + ": " + message + " (stored cursor: " + position + ")", cause);
    this.syncName = syncName;
    this.position = position;
  }

  /** The sync that failed. */
  public String syncName() {
    return syncName;
  }

  /** The position the sync stays at, as stored ({@code none} before the first batch). */
  public String position() {
    return position;
  }
}
