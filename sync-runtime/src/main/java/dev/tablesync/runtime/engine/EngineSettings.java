package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.RetryPolicy;
import dev.tablesync.runtime.SyncListener;
import java.util.Objects;

/**
 * What an engine's builder sets for every table.
 *
 * @param cursorTable the table in each target that keeps the cursors
 * @param runTable the table in each target that keeps every table's last run
 * @param reconcileTable the table in each target that keeps every table's last reconciliation
 * @param deadLetterTable the table in each target that keeps rows set aside
 * @param listener hears about batches and runs
 * @param retry how transient failures are retried
 * @param whenBusy what a run does when another runner holds its table
 * @param snapshot whether a table with no stored position is first copied by a snapshot
 * @param snapshotChunkSize rows per chunk of a snapshot
 * @param createTables whether building the engine creates and upgrades the engine's tables in
 *     each target, or only checks that they are there
 * @param backlogChunkSize rows per chunk of a table far behind, written through the bulk path;
 *     chunks are off when it is not larger than a table's batch size
 * @param deleteGuard the largest share of a target table one reconciliation may delete, for
 *     tables that do not declare their own
 * @param reconcileRangeSize rows per key range of a reconciliation
 */
public record EngineSettings(
    String cursorTable,
    String runTable,
    String reconcileTable,
    String deadLetterTable,
    SyncListener listener,
    RetryPolicy retry,
    BusyPolicy whenBusy,
    boolean snapshot,
    int snapshotChunkSize,
    boolean createTables,
    int backlogChunkSize,
    double deleteGuard,
    int reconcileRangeSize) {

  public EngineSettings {
    Objects.requireNonNull(cursorTable, "cursorTable");
    Objects.requireNonNull(runTable, "runTable");
    Objects.requireNonNull(reconcileTable, "reconcileTable");
    Objects.requireNonNull(deadLetterTable, "deadLetterTable");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(whenBusy, "whenBusy");
  }
}
