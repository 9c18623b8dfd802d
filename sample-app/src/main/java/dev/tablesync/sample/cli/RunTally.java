package dev.tablesync.sample.cli;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phases of each table's current run, from the engine's reports of committed batches. Tables
 * may run at once, each on its own thread; one table's runs never overlap.
 */
final class RunTally implements SyncListener {

  private final Map<String, RunPhases> running = new ConcurrentHashMap<>();

  @Override
  public void batchCommitted(BatchReport batch) {
    add(batch);
  }

  /** Counts {@code batch} in its table's run and says which phase it belongs to. */
  RunPhases.Phase add(BatchReport batch) {
    return current(batch.name()).add(batch);
  }

  /** The phases of the run of {@code table} going on. */
  RunPhases current(String table) {
    return running.computeIfAbsent(table, name -> new RunPhases());
  }

  /** The phases of the run of {@code table} that just ended; the next run counts anew. */
  RunPhases end(String table) {
    RunPhases phases = running.remove(table);
    return phases == null ? new RunPhases() : phases;
  }
}
