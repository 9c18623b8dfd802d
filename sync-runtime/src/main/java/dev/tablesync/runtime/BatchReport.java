package dev.tablesync.runtime;

import java.time.Duration;

/**
 * One committed batch, or chunk of a snapshot, as reported to a {@link SyncListener}.
 *
 * @param name the sync's name
 * @param batch the batch's number within the run, from 1
 * @param rows rows this batch wrote
 * @param rowsRead rows this batch read from the source: those it wrote and those it set aside
 * @param rowsInRun rows committed in this run so far
 * @param cursor the cursor value stored with this batch, as text; null for a chunk of a snapshot
 *     but its last, which stores where batches take over
 * @param elapsed time since the run started
 * @param snapshotKey for a chunk of a snapshot, the key of its last row as stored; null for a batch
 */
public record BatchReport(
    String name,
    int batch,
    int rows,
    int rowsRead,
    long rowsInRun,
    String cursor,
    Duration elapsed,
    String snapshotKey) {

  /** Rows per second in this run so far. */
  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : rowsInRun / seconds;
  }
}
