package dev.tablesync.annotations;

/** What a sync does with a row it cannot read or write. */
public enum BadRowPolicy {
  /** Roll the batch back, keep the cursor where it was, and fail the run with the row's key. */
  FAIL,
  /**
   * Set the row aside in the target's dead-letter table (key, cursor, error and the row as text),
   * and go on with the rest of the batch.
   */
  DEAD_LETTER
}
