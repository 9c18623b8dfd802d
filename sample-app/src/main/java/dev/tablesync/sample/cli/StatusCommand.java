package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.status.RunRecord;
import dev.tablesync.runtime.status.TableStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Shows where every table stands: its last run by any process, the cursor, rows synced in total,
 * the lag behind the source and the latest error.
 */
@Command(
    name = "status",
    description = "Show every table's last run, cursor, rows synced, lag behind the source and errors.",
    mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final String ROW = "%-10s %-19s %-9s %12s  %-26s %s%n";

  @Mixin DataSourceOptions dataSources;

  private final PrintStream out;

  public StatusCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    try (HikariDataSource source = dataSources.openSource();
        HikariDataSource target = dataSources.openTarget()) {
      SyncEngine engine = dataSources.engine(source, target).build();
      out.printf(ROW, "TABLE", "LAST RUN", "OUTCOME", "ROWS SYNCED", "CURSOR", "LAG");
      int unavailable = 0;
      for (String table : engine.tables()) {
        try {
          print(engine.status(table));
        } catch (SyncException e) {
          unavailable++;
          out.printf("%-10s %s%n", table, e.getMessage());
        }
      }
      return unavailable == 0 ? 0 : 1;
    }
  }

  private void print(TableStatus status) {
    RunRecord run = status.lastRun().orElse(null);
    out.printf(
        ROW,
        status.name(),
        run == null ? "never" : TIME.format(run.finished()),
        run == null ? "-" : run.outcome(),
        String.format("%,d", status.rowsSynced()),
        status.cursor() == null ? "-" : status.cursor(),
        status.lag().map(StatusCommand::describe).orElse("newest " + status.sourceNewest()));
    if (run != null && run.failuresInARow() > 0) {
      out.printf("%-10s %d failed runs in a row%n", "", run.failuresInARow());
    }
    if (run != null && run.lastError() != null) {
      out.printf(
          "%-10s last error, %s on %s: %s%n",
          "", TIME.format(run.lastErrorAt()), run.node(), firstLine(run.lastError()));
    }
  }

  private static String describe(Duration lag) {
    return lag.isZero() ? "none" : lag.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end) + " ...";
  }
}
