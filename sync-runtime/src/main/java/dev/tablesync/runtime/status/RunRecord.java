package dev.tablesync.runtime.status;

import java.time.Instant;
import java.util.Objects;

/**
 * The last run of one table, as kept in the target's run table.
 *
 * @param name the sync's name
 * @param node the process that ran it ({@code pid@host})
 * @param started when the run started
 * @param finished when it ended
 * @param outcome how it ended
 * @param rowsWritten rows the run committed; 0 for a failed run, whose committed batches count
 *     only in the cursor table's rows synced
 * @param failuresInARow failed runs since the last one that succeeded; 0 after a success
 * @param lastError the message of the latest failed run, kept after later successes; null when
 *     no run ever failed
 * @param lastErrorAt when that run ended; null when no run ever failed
 */
public record RunRecord(
    String name,
    String node,
    Instant started,
    Instant finished,
    Outcome outcome,
    long rowsWritten,
    int failuresInARow,
    String lastError,
    Instant lastErrorAt) {

  /** How a run ended. */
  public enum Outcome {
    /** Every batch committed; the table was caught up or asked to stop. */
    SUCCEEDED,
    /** A batch failed; the batches before it stay committed. */
    FAILED
  }

  public RunRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(outcome, "outcome");
  }
}
