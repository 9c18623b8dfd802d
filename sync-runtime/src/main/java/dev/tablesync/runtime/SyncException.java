package dev.tablesync.runtime;

import dev.tablesync.runtime.engine.Redaction;

/**
 * A run of a table failed. The batch in flight was rolled back and its cursor stays where the last
 * committed batch left it. The message names the sync and that cursor, with any password it would
 * quote masked: every failure the engine reports passes here, so no call site has to mask.
 */
public class SyncException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String syncName;
  private final String position;

  public SyncException(String syncName, String position, String message, Throwable cause) {
    super(Redaction.redact(syncName + ": " + message + " (stored cursor: " + position + ")"), cause);
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
