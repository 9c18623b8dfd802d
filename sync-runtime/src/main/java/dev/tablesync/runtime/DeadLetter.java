package dev.tablesync.runtime;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A row that a sync with {@code badRows = DEAD_LETTER} set aside in the target's dead-letter
 * table instead of failing its batch. Only the latest failure of each key is kept.
 *
 * @param syncName the sync
 * @param key the row's key values, in key order
 * @param cursor the row's cursor value when it failed
 * @param error why it failed: the column, when known, and the database's or driver's message
 * @param row the row's values as text, column by column
 * @param failedAt when it was set aside, by the target's clock
 */
public record DeadLetter(
    String syncName,
    List<Object> key,
    Object cursor,
    String error,
    String row,
    LocalDateTime failedAt) {

  public DeadLetter {
    key = List.copyOf(key);
  }
}
