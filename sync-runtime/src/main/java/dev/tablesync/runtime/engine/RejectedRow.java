package dev.tablesync.runtime.engine;

import java.util.List;

/**
 * A row that could not be synced: what is known of it, and why.
 *
 * @param position its cursor and key, or null when they cannot be read
 * @param key its key values, null where unreadable
 * @param column the column at fault, or null when unknown
 * @param cause what the driver or database said
 * @param row its values as text
 */
record RejectedRow(
    Position position, List<Object> key, String column, Exception cause, String row) {

  /** The problem as a message says it. */
  String problem() {
    return Redaction.describe(cause);
  }

  /** The problem as the dead-letter table keeps it. */
  String error() {
    return (column == null ? "" : "column " + column + ": ") + problem();
  }
}
