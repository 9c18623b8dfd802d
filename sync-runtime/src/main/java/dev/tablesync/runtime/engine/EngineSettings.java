package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.RetryPolicy;
import dev.tablesync.runtime.SyncListener;
import java.util.Objects;

/**
 * What an engine's builder sets for every table.
 *
 * @param cursorTable the table in each target that keeps the cursors
 * @param deadLetterTable the table in each target that keeps rows set aside
 * @param listener hears about batches and runs
 * @param retry how transient failures are retried
 * @param whenBusy what a run does when another runner holds its table
 * @param snapshot whether a table with no stored position is first copied by a snapshot
 * @param snapshotChunkSize rows per chunk of a snapshot
 * @param deleteGuard the largest share of a target table one reconciliation may delete, for
 *     tables that do not declare their own
 * @param reconcileRangeSize rows per key range of a reconciliation
 */
public record EngineSettings(
    String cursorTable,
    String deadLetterTable,
    SyncListener listener,
    RetryPolicy retry,
    BusyPolicy whenBusy,
    boolean snapshot,
    int snapshotChunkSize,
    double deleteGuard,
    int reconcileRangeSize) {

  public EngineSettings {
    Objects.requireNonNull(cursorTable, "cursorTable");
    Objects.requireNonNull(deadLetterTable, "deadLetterTable");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(whenBusy, "whenBusy");
  }
}
