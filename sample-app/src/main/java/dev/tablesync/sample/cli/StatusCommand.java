package dev.tablesync.sample.cli;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.status.RunRecord;
import dev.tablesync.runtime.status.TableStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Shows where every table stands: its last run by any process, the cursor, rows synced in total,
 * how far it is behind the source, and under a table that needs an operator (never synced,
 * failing, far behind, its query or target table broken) what happened and what to do. Exits
 * with 1 when a table failed its last run, is far behind or cannot be checked.
 */
@Command(
    name = "status",
    description = "Show every table's last run, cursor, rows synced, how far behind the source"
        + " it is, and what to do about a table that needs attention.",
    mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final String ROW = "%-10s %-19s %-9s %12s  %-26s %s%n";
  private static final String NOTE = "%-10s %s%n";

  @Mixin DataSourceOptions dataSources;

  @Option(
      names = "--far-behind",
      paramLabel = "DURATION",
      description = "How far behind the source's newest change (beyond the table's own lag) a"
          + " table needs attention, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration farBehind = Duration.ofHours(1);

  private final PrintStream out;
  private final Clock clock;

  public StatusCommand(Output output) {
    this(output, Clock.systemDefaultZone());
  }

  StatusCommand(Output output, Clock clock) {
    this.out = output.out();
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (OpenDataSources open = dataSources.open()) {
      SyncEngine engine = dataSources.engine(open).build();
      TableChecks checks = new TableChecks(engine, open);
      out.printf(ROW, "TABLE", "LAST RUN", "OUTCOME", "ROWS SYNCED", "CURSOR", "BEHIND");
      int needAttention = 0;
      for (String table : engine.tables()) {
        List<String> notes = new ArrayList<>();
        checks.check(table).forEach(problem -> notes.add(problem.line()));
        boolean attention = !notes.isEmpty();
        try {
          TableStatus status = engine.status(table);
          printRow(status);
          attention |= explain(status, engine.spec(table).lagSeconds(), notes);
        } catch (SyncException e) {
          out.printf(ROW, table, "?", "?", "?", "?", "?");
          if (notes.isEmpty()) {
            notes.add(e.getMessage());
          }
          attention = true;
        }
        notes.forEach(note -> out.printf(NOTE, "", note));
        needAttention += attention ? 1 : 0;
      }
      return needAttention == 0 ? 0 : 1;
    }
  }

  private void printRow(TableStatus status) {
    RunRecord run = status.lastRun().orElse(null);
    out.printf(
        ROW,
        status.name(),
        run == null ? "never" : TIME.format(run.finished()),
        run == null ? "-" : run.outcome(),
        String.format("%,d", status.rowsSynced()),
        status.cursor() == null ? "-" : status.cursor(),
        behind(status));
  }

  private static String behind(TableStatus status) {
    if (status.cursor() == null) {
      return status.sourceNewest() == null ? "none (the source has no rows)" : "everything";
    }
    return status.lag()
        .map(lag -> lag.isZero() ? "none" : Durations.human(lag))
        .orElse("source newest " + status.sourceNewest());
  }

  /**
   * Adds what an operator needs to know about {@code status}, and returns whether the table
   * needs attention: it failed its last run or is far behind.
   */
  private boolean explain(TableStatus status, int lagSeconds, List<String> notes) {
    RunRecord run = status.lastRun().orElse(null);
    String table = status.name();
    if (status.cursor() == null && run == null) {
      notes.add("never synced: its first run (sync, or run) copies it with a snapshot");
    } else if (status.cursor() == null && status.sourceNewest() != null
        && run.outcome() == RunRecord.Outcome.SUCCEEDED) {
      notes.add("no cursor yet: its snapshot is under way or was cut short; the next run goes"
          + " on from the last chunk committed");
    }
    boolean attention = false;
    if (run != null && run.outcome() == RunRecord.Outcome.FAILED) {
      attention = true;
      notes.add(String.format("failed %s, the last at %s on %s: %s",
          run.failuresInARow() == 1 ? "once" : run.failuresInARow() + " runs in a row",
          TIME.format(run.finished()), run.node(), firstLine(run.lastError())));
      notes.add("nothing after the stored cursor was written; fix the cause and the next run goes"
          + " on from there (sync --table " + table + " --verbose shows the whole error)");
    } else if (run != null && run.lastError() != null) {
      notes.add(String.format("last error (since recovered), %s on %s: %s",
          TIME.format(run.lastErrorAt()), run.node(), firstLine(run.lastError())));
    }
    Duration lag = status.lag().orElse(Duration.ZERO);
    if (lag.compareTo(farBehind.plusSeconds(lagSeconds)) > 0) {
      attention = true;
      Duration sinceRun = run == null ? null : Duration.between(run.finished(), clock.instant());
      notes.add(String.format("%s behind the source's newest change (%s)%s",
          Durations.human(lag), status.sourceNewest(),
          sinceRun == null ? "" : "; its last run ended " + Durations.human(sinceRun) + " ago"));
      notes.add("if no run command is running, start one: each run catches up; for a long way"
          + " behind, a new snapshot is faster: DELETE FROM " + dataSources.cursorTable
          + " WHERE sync_name = '" + table + "'");
    }
    return attention;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end) + " ...";
  }
}
