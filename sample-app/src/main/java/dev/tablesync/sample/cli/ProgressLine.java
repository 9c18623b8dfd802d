package dev.tablesync.sample.cli;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows each table's run as it goes. Every phase that ends (a table's snapshot, its batches)
 * prints a line that says what its rows were. Meanwhile, on a terminal one live line per table is
 * redrawn in place; anywhere else (a log, a pipe, an IDE console) a long phase prints a line
 * every {@link #LOGGED_EVERY}, which stays.
 */
final class ProgressLine implements SyncListener {

  /** How often a terminal's live line is redrawn. */
  static final Duration LIVE_EVERY = Duration.ofMillis(100);

  /** How often a long phase prints a line where lines cannot be redrawn. */
  static final Duration LOGGED_EVERY = Duration.ofSeconds(10);

  private final PrintStream out;
  private final boolean live;
  private final long drawEveryNanos;
  private final LongSupplier clock;
  private final RunTally tally = new RunTally();
  private long lastDrawn;
  /** The width of the live line on screen, so that a shorter line can cover it; 0 when none. */
  private int liveWidth;

  /** Progress for {@code output}: live on a terminal, lines that stay elsewhere. */
  ProgressLine(Output output) {
    this(output.out(), output.terminal(), System::nanoTime);
  }

  ProgressLine(PrintStream out, boolean live, LongSupplier clock) {
    this.out = out;
    this.live = live;
    this.drawEveryNanos = (live ? LIVE_EVERY : LOGGED_EVERY).toNanos();
    this.clock = clock;
    this.lastDrawn = clock.getAsLong();
  }

  @Override
  public void batchCommitted(BatchReport batch) {
    RunPhases.Phase phase = tally.add(batch);
    RunPhases phases = tally.current(batch.name());
    long now = clock.getAsLong();
    if (phase == RunPhases.Phase.SNAPSHOT && phases.snapshotDone()) {
      line(batch.name(), "snapshot", phases.describeSnapshot(), phases.snapshotTime(),
          phases.snapshotRows());
      lastDrawn = now;
    } else if (now - lastDrawn >= drawEveryNanos) {
      lastDrawn = now;
      boolean snapshot = phase == RunPhases.Phase.SNAPSHOT;
      long rows = snapshot ? phases.snapshotRows() : phases.batchRows();
      Duration time = snapshot ? phases.snapshotTime() : phases.batchTime();
      String text = String.format("  %-10s %-9s %,11d rows so far, %s",
          batch.name(), snapshot ? "snapshot" : "batches", rows, rate(rows, time));
      if (live) {
        redraw(text);
      } else {
        out.println(text);
      }
    }
    out.flush();
  }

  @Override
  public void runFinished(SyncResult result) {
    RunPhases phases = tally.end(result.name());
    if (!phases.snapshotted() && phases.batchRows() == 0) {
      line(result.name(), "", "nothing new", null, 0);
    } else if (!phases.snapshotted() || phases.batches() > 0) {
      line(result.name(), "batches", phases.describeBatches(), phases.batchTime(),
          phases.batchRows());
    }
    if (result.rowsDeadLettered() > 0) {
      line(result.name(), "", String.format("%,d rows set aside in the dead-letter table",
          result.rowsDeadLettered()), null, 0);
    }
    if (result.stoppedBusy()) {
      line(result.name(), "", "stopped: another runner holds the table", null, 0);
    }
    out.flush();
  }

  @Override
  public void runFailed(String name, SyncException failure) {
    tally.end(name);
    line(name, "FAILED", failure.getMessage(), null, 0);
    out.flush();
  }

  /** A line that stays: a table, a phase and what it did, with its time and rate. */
  private void line(String table, String phase, String text, Duration time, long rows) {
    String timing = time == null
        ? ""
        : String.format(", %.1f s, %s", time.toMillis() / 1e3, rate(rows, time));
    String line = String.format("  %-10s %-9s %s%s", table, phase, text, timing).stripTrailing();
    if (liveWidth > 0) {
      out.print("\r" + padded(line));
      out.println();
      liveWidth = 0;
    } else {
      out.println(line);
    }
  }

  private void redraw(String text) {
    out.print("\r" + padded(text));
    liveWidth = text.length();
  }

  /** {@code text} with spaces after it to cover what the live line showed before. */
  private String padded(String text) {
    return text.length() >= liveWidth ? text : text + " ".repeat(liveWidth - text.length());
  }

  private static String rate(long rows, Duration time) {
    double seconds = Math.max(time.toNanos() / 1e9, 1e-3);
    return String.format("%,.0f rows/s", rows / seconds);
  }
}
