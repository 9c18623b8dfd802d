package dev.tablesync.runtime;

/**
 * What a run does when another runner (a thread, a process or another machine) holds the same
 * table. Runners of one table never interleave batches either way: each batch holds the table's
 * cursor row in the target until it commits.
 */
public enum BusyPolicy {
  /**
   * Wait for the other runner's batch, then go on: the runners take turns batch by batch. A wait
   * longer than the target's lock wait timeout fails the attempt, which is retried as a
   * transient error.
   */
  WAIT,
  /**
   * Leave the table to the runner that holds it: the run ends at once, with what it has
   * committed so far, and its result says it stopped because the table was busy.
   */
  SKIP
}
