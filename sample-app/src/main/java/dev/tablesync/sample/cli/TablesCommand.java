package dev.tablesync.sample.cli;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.schedule.Schedule;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the tables compiled into this program. */
@Command(
    name = "tables",
    description = "List the synced tables this program declares.",
    mixinStandardHelpOptions = true)
public final class TablesCommand implements Callable<Integer> {

  private final PrintStream out;

  public TablesCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    out.printf(
        "%-10s %-16s %-14s %-8s %-22s %s%n",
        "NAME", "TARGET TABLE", "KEY", "BATCH", "SCHEDULE", "RECORD");
    SyncEngine.discover(TablesCommand.class.getClassLoader()).stream()
        .map(TableSync::spec)
        .sorted(java.util.Comparator.comparing(TableSpec::name))
        .forEach(
            table ->
                out.printf(
                    "%-10s %-16s %-14s %-8d %-22s %s%n",
                    table.name(),
                    table.targetTable(),
                    String.join(",", table.keys().stream().map(k -> k.name()).toList()),
                    table.batchSize(),
                    Schedule.of(table).map(Schedule::toString).orElse("when asked"),
                    table.recordType().getName()));
    return 0;
  }
}
