package dev.tablesync.sample.cli;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Syncs the sample's tables once between real servers, until each is caught up. */
@Command(
    name = "sync",
    description = "Sync tables from a source database into a target database once.",
    mixinStandardHelpOptions = true)
public final class SyncCommand implements Callable<Integer> {

  @Mixin DataSourceOptions dataSources;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "A table to sync; repeat for several. Default: every table.")
  List<String> tables = new ArrayList<>();

  private final Output output;

  public SyncCommand(Output output) {
    this.output = output;
  }

  @Override
  public Integer call() {
    PrintStream out = output.out();
    try (OpenDataSources open = dataSources.open()) {
      SyncEngine engine = dataSources.engine(open).listener(new ProgressLine(output)).build();
      List<String> names = tables.isEmpty() ? List.copyOf(engine.tables()) : tables;
      new TableChecks(engine, open).requireAll(names);
      int failed = 0;
      for (String name : names) {
        try {
          SyncResult result = engine.run(name);
          out.printf("  %-10s cursor %s%n", name, result.cursor());
        } catch (SyncException e) {
          failed++; // the progress line printed it
        }
      }
      return failed == 0 ? 0 : 1;
    }
  }
}
