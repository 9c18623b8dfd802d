package dev.tablesync.runtime.schedule;

import dev.tablesync.runtime.SyncResult;
import java.time.Instant;
import java.util.Optional;

/**
 * One run the {@link SyncScheduler} made, as reported to its {@code onRun} callback.
 *
 * @param table the sync's name
 * @param result what the run did, when it succeeded
 * @param failure why it failed, when it did
 * @param failuresInARow failed runs of this table since its last success; 0 after a success
 * @param nextRun when the table runs next, backed off after failures; empty when the scheduler
 *     is stopping
 */
public record ScheduledRun(
    String table,
    Optional<SyncResult> result,
    Optional<RuntimeException> failure,
    int failuresInARow,
    Optional<Instant> nextRun) {

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return result.isPresent();
  }
}
