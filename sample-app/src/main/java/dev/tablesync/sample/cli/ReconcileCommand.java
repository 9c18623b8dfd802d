package dev.tablesync.sample.cli;

import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Compares the sample's target tables with their source queries and repairs them, once. */
@Command(
    name = "reconcile",
    description =
        "Compare each target table with its source query by key, write what is missing or"
            + " different, and remove the rows the source no longer returns as the table"
            + " declares. Refuses to delete when the source returns nothing or too much would go.",
    mixinStandardHelpOptions = true)
public final class ReconcileCommand implements Callable<Integer> {

  @Mixin DataSourceOptions dataSources;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "A table to reconcile; repeat for several. Default: every table.")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--keys-only",
      description = "Compare keys and change times only, not every column (faster).")
  boolean keysOnly;

  @Option(
      names = "--delete-guard",
      paramLabel = "FRACTION",
      description =
          "The largest share of a target table one reconciliation may delete (default: the"
              + " table's, else 0.1).")
  Double deleteGuard;

  private final Output output;

  public ReconcileCommand(Output output) {
    this.output = output;
  }

  @Override
  public Integer call() {
    PrintStream out = output.out();
    try (OpenDataSources open = dataSources.open()) {
      SyncEngine.Builder builder = dataSources.engine(open);
      if (deleteGuard != null) {
        builder.deleteGuard(deleteGuard);
      }
      SyncEngine engine = builder.build();
      List<String> names = tables.isEmpty() ? List.copyOf(engine.tables()) : tables;
      new TableChecks(engine, open).requireAll(names);
      ReconcileDepth depth = keysOnly ? ReconcileDepth.KEYS : ReconcileDepth.FULL;
      int failed = 0;
      for (String name : names) {
        try {
          ReconcileResult result = engine.reconcile(name, depth);
          out.println("  " + result);
        } catch (SyncException e) {
          out.println("  " + e.getMessage());
          failed++;
        }
      }
      return failed == 0 ? 0 : 1;
    }
  }
}
