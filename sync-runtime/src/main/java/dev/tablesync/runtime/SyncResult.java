package dev.tablesync.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What one run of one table did.
 *
 * @param name the sync's name
 * @param rowsRead rows read from the source
 * @param rowsWritten rows upserted into the target
 * @param batches batches committed
 * @param cursor the stored cursor value after the run, or null when nothing was ever synced
 * @param key the stored key values after the run; empty when nothing was ever synced
 * @param duration how long the run took
 * @param rowsDeadLettered rows set aside in the dead-letter table instead of written
 * @param stoppedBusy whether the run stopped early because another runner held the table and the
 *     engine's {@link BusyPolicy} is {@code SKIP}
 */
public record SyncResult(
    String name,
    long rowsRead,
    long rowsWritten,
    int batches,
    Object cursor,
    List<Object> key,
    Duration duration,
    long rowsDeadLettered,
    boolean stoppedBusy) {

  public SyncResult {
    key = List.copyOf(key);
  }

  /** Rows written per second over the run. */
  public double rowsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds == 0 ? 0 : rowsWritten / seconds;
  }
}
