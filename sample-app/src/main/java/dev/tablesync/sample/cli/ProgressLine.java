package dev.tablesync.sample.cli;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import java.io.PrintStream;

/** Keeps one live line per running table: rows so far and rows per second. */
final class ProgressLine implements SyncListener {

  private static final long REDRAW_NANOS = 100_000_000;

  private final PrintStream out;
  private long lastDrawn;

  ProgressLine(PrintStream out) {
    this.out = out;
  }

  @Override
  public void batchCommitted(BatchReport batch) {
    long now = System.nanoTime();
    if (now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      draw(batch.name(), batch.rowsInRun(), batch.rowsPerSecond(), "");
    }
  }

  @Override
  public void runFinished(SyncResult result) {
    draw(result.name(), result.rowsWritten(), result.rowsPerSecond(),
        String.format(
            "  %d %s, %.1f s%n",
            result.batches(),
            result.batches() == 1 ? "batch" : "batches",
            result.duration().toMillis() / 1e3));
  }

  @Override
  public void runFailed(String name, SyncException failure) {
    out.printf("%n  %-10s FAILED: %s%n", name, failure.getMessage());
  }

  private void draw(String name, long rows, double rowsPerSecond, String end) {
    out.printf("\r  %-10s %,10d rows  %,9.0f rows/s%s", name, rows, rowsPerSecond, end);
    out.flush();
  }
}
