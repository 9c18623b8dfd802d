package dev.tablesync.sample.cli;

import dev.tablesync.runtime.BatchReport;
import java.time.Duration;

/**
 * What one run of one table committed so far, phase by phase: a snapshot's chunks (a table's
 * first copy), then batches. After a snapshot the batches start at its high-water mark, so they
 * read again the rows that share that change time or changed while it ran: the two phases' rows
 * are counted apart, never added up as if they were different rows.
 */
final class RunPhases {

  /** Which phase a committed report belongs to. */
  enum Phase {
    SNAPSHOT,
    BATCHES
  }

  private long snapshotRows;
  private int chunks;
  /** Time into the run when the snapshot handed over to batches; null while it goes on. */
  private Duration snapshotEnded;
  private long batchRows;
  private int batches;
  private Duration elapsed = Duration.ZERO;

  /**
   * Counts a committed report and says which phase it belongs to. A chunk of a snapshot carries
   * the key it reached; the last chunk also stores the cursor where batches take over, and when
   * the rows ran out exactly at the previous chunk it is empty and carries no key, but still
   * follows a chunk that did not hand over.
   */
  Phase add(BatchReport report) {
    elapsed = report.elapsed();
    boolean chunk = report.snapshotKey() != null || (chunks > 0 && snapshotEnded == null);
    if (!chunk) {
      batchRows += report.rows();
      batches++;
      return Phase.BATCHES;
    }
    snapshotRows += report.rows();
    chunks++;
    if (report.cursor() != null) {
      snapshotEnded = report.elapsed();
    }
    return Phase.SNAPSHOT;
  }

  /** Whether a snapshot of this run handed over to batches. */
  boolean snapshotDone() {
    return snapshotEnded != null;
  }

  long snapshotRows() {
    return snapshotRows;
  }

  int chunks() {
    return chunks;
  }

  long batchRows() {
    return batchRows;
  }

  int batches() {
    return batches;
  }

  /** Whether a snapshot copied rows in this run. */
  boolean snapshotted() {
    return chunks > 0;
  }

  /** How long the snapshot took; the time so far while it goes on. */
  Duration snapshotTime() {
    return snapshotEnded == null ? elapsed : snapshotEnded;
  }

  /** How long the batches took so far. */
  Duration batchTime() {
    return snapshotEnded == null ? elapsed : elapsed.minus(snapshotEnded);
  }

  /** The snapshot's rows and chunks, e.g. {@code 95,500 rows copied in key order, 5 chunks}. */
  String describeSnapshot() {
    return String.format("%,d %s copied in key order, %s", snapshotRows, rows(snapshotRows),
        count(chunks, "chunk", "chunks"));
  }

  /**
   * The batches' rows, e.g. {@code 989 rows from the snapshot's high-water mark, 1 batch} after a
   * snapshot, {@code 300 rows, 1 batch} otherwise.
   */
  String describeBatches() {
    return String.format("%,d %s%s, %s", batchRows, rows(batchRows),
        snapshotted() ? " read from the snapshot's high-water mark on" : "",
        count(batches, "batch", "batches"));
  }

  /** The whole run in one phrase, for a line per run. */
  String describe() {
    if (!snapshotted()) {
      return batchRows == 0 ? "nothing new" : describeBatches();
    }
    return String.format("%,d rows: snapshot %,d in %s, then %,d from its high-water mark in %s",
        snapshotRows + batchRows, snapshotRows, count(chunks, "chunk", "chunks"), batchRows,
        count(batches, "batch", "batches"));
  }

  private static String rows(long rows) {
    return rows == 1 ? "row" : "rows";
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
