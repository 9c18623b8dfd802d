package dev.tablesync.sample.cli;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.sample.demo.ErpData;
import dev.tablesync.sample.demo.ReconcileStep;
import dev.tablesync.sample.demo.SqlScript;
import dev.tablesync.sample.demo.TableComparison;
import dev.tablesync.sample.tables.MaterialSync;
import dev.tablesync.sample.tables.SupplierSync;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo: an ERP and a warehouse system, both embedded H2 databases (the ERP in H2's SQL Server
 * mode, running the seed's SQL Server query as written), a full sync, a few hundred changes in
 * the ERP, and a second sync that moves exactly those. Each numbered step is a method of {@link
 * Demo} listed in {@link #steps}; a step returns whether what it checks held.
 */
@Command(
    name = "demo",
    description = "Sync a generated ERP data set into an embedded target, change it, sync again.",
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

  private static final DataSourceSettings ERP =
      new DataSourceSettings("erp", "jdbc:h2:mem:erp;MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "");
  private static final DataSourceSettings WMS =
      new DataSourceSettings("wms", "jdbc:h2:mem:wms;MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");

  @Option(names = "--suppliers", description = "Suppliers in the ERP (default: ${DEFAULT-VALUE}).")
  int suppliers = 100_000;

  @Option(names = "--materials", description = "Materials in the ERP (default: ${DEFAULT-VALUE}).")
  int materials = 20_000;

  @Option(names = "--changes", description = "Suppliers changed before the second sync (default: ${DEFAULT-VALUE}).")
  int changes = 300;

  private final Output output;
  private final PrintStream out;

  public DemoCommand(Output output) {
    this.output = output;
    this.out = output.out();
  }

  /** One numbered step of the demo. */
  private record Step(String title, Action action) {}

  /** What a step does; true when what it checks held. */
  @FunctionalInterface
  private interface Action {
    boolean run() throws Exception;
  }

  @Override
  public Integer call() throws Exception {
    try (OpenDataSources databases = OpenDataSources.open(ERP, WMS)) {
      out.println("TableSync demo: an ERP (SQL Server) syncing into a warehouse system (MySQL),");
      out.println("both played by embedded H2 databases.");
      out.println();
      List<Step> steps = steps(new Demo(databases.pool(ERP.name()), databases.pool(WMS.name())));
      boolean ok = true;
      for (int i = 0; i < steps.size(); i++) {
        out.printf("[%d/%d] %s%n", i + 1, steps.size(), steps.get(i).title());
        ok &= steps.get(i).action().run();
      }
      out.println(ok ? "Demo OK." : "Demo FAILED.");
      return ok ? 0 : 1;
    }
  }

  private List<Step> steps(Demo demo) {
    return List.of(
        new Step(String.format("Creating the ERP: %,d suppliers, %,d materials", suppliers,
            materials), demo::createErp),
        new Step("First sync: each table copied by a snapshot, then batches from its high-water"
            + " mark", demo::firstSync),
        new Step(String.format("Changing %,d suppliers in the ERP", changes),
            demo::changeSuppliers),
        new Step("Second sync: only what changed", demo::secondSync),
        new Step("Reconciliation: the rows a sync cannot see, deleted or gone from the query",
            demo::reconcile));
  }

  /** The demo's databases, engine and what the steps found out, one method per step. */
  private final class Demo {
    private final DataSource erp;
    private final DataSource wms;
    private final ErpData data = new ErpData();
    private final List<TableSync<?>> tables = List.of(new SupplierSync(), new MaterialSync());
    private SyncEngine engine;
    private List<Integer> changed = List.of();

    Demo(DataSource erp, DataSource wms) {
      this.erp = erp;
      this.wms = wms;
    }

    boolean createErp() throws SQLException {
      long started = System.nanoTime();
      data.create(erp, suppliers, materials);
      SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");
      out.printf("  created in %.1f s%n", (System.nanoTime() - started) / 1e9);
      engine =
          SyncEngine.builder()
              .dataSource("source", erp)
              .dataSource("target", wms)
              .listener(new ProgressLine(output))
              .build();
      return true;
    }

    boolean firstSync() throws SQLException {
      for (String table : engine.tables()) {
        engine.run(table);
      }
      out.println("  After a snapshot, batches read from its high-water mark on: the rows changed"
          + " while it ran,");
      out.println("  and the rows of that change time, which it copied too (read twice, stored"
          + " once).");
      return compare();
    }

    boolean changeSuppliers() throws SQLException {
      changed = data.changeSuppliers(erp, changes, LocalDateTime.now().withNano(0));
      return true;
    }

    boolean secondSync() throws SQLException {
      SyncResult suppliersAgain = engine.run("supplier");
      SyncResult materialsAgain = engine.run("material");
      boolean identical = compare();
      boolean exact =
          suppliersAgain.rowsRead() == changed.size() && materialsAgain.rowsRead() == 0;
      out.printf(
          "  the second sync moved %,d supplier rows and %,d material rows: %s%n",
          suppliersAgain.rowsRead(),
          materialsAgain.rowsRead(),
          exact ? "exactly the " + changed.size() + " changed suppliers" : "NOT the changed rows");
      return identical && exact;
    }

    boolean reconcile() throws SQLException {
      return new ReconcileStep(out).run(engine, erp, wms);
    }

    /** Compares every table's source and target, row by row; true when all are identical. */
    private boolean compare() throws SQLException {
      boolean identical = true;
      for (TableSync<?> table : tables) {
        TableComparison.Outcome outcome = TableComparison.compare(table, erp, wms);
        out.printf(
            "  %-10s source %,d rows, target %,d rows, %s%n",
            table.spec().name(),
            outcome.sourceRows(),
            outcome.targetRows(),
            outcome.identical() ? "identical" : outcome.differing() + " rows differ");
        identical &= outcome.identical();
      }
      return identical;
    }
  }
}
