package dev.tablesync.runtime;

import java.time.Duration;

/**
 * What one reconciliation of one table found and did.
 *
 * @param name the sync's name
 * @param depth how closely rows were compared
 * @param sourceRows rows the source query returned
 * @param targetRows rows the target table held
 * @param missing source rows the target lacked
 * @param extra target rows whose key the source query no longer returns, not yet marked
 * @param different rows on both sides whose values (or, by keys, change time) differ
 * @param repaired missing and different rows written from the source, and soft-deleted rows the
 *     source returns again, unmarked
 * @param deleted extra rows deleted or marked, as the table's {@code goneRows} says
 * @param leftToBatches missing or different rows the source changed after the stored position,
 *     which the next batch writes
 * @param duration how long it took
 */
public record ReconcileResult(
    String name,
    ReconcileDepth depth,
    long sourceRows,
    long targetRows,
    long missing,
    long extra,
    long different,
    long repaired,
    long deleted,
    long leftToBatches,
    Duration duration) {

  /** Whether the two sides held the same rows when compared. */
  public boolean inSync() {
    return missing == 0 && extra == 0 && different == 0;
  }

  /** Rows compared (both sides) per second. */
  public double rowsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds == 0 ? 0 : (sourceRows + targetRows) / seconds;
  }

  @Override
  public String toString() {
    return name + " (" + depth.name().toLowerCase(java.util.Locale.ROOT) + "): " + sourceRows
        + " source rows, " + targetRows + " target rows, " + missing + " missing, " + extra
        + " extra, " + different + " different, " + repaired + " repaired, " + deleted
        + " deleted, " + leftToBatches + " left to batches, " + duration.toMillis() + " ms";
  }
}
