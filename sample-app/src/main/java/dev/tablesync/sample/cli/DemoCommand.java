package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo: an ERP and a warehouse system, both embedded H2 databases (the ERP in H2's SQL Server
 * mode, running the seed's SQL Server query as written), a full sync, a few hundred changes in
 * the ERP, and a second sync that moves exactly those.
 */
@Command(
    name = "demo",
    description = "Sync a generated ERP data set into an embedded target, change it, sync again.",
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--suppliers", description = "Suppliers in the ERP (default: ${DEFAULT-VALUE}).")
  int suppliers = 100_000;

  @Option(names = "--materials", description = "Materials in the ERP (default: ${DEFAULT-VALUE}).")
  int materials = 20_000;

  @Option(names = "--changes", description = "Suppliers changed before the second sync (default: ${DEFAULT-VALUE}).")
  int changes = 300;

  private final PrintStream out;

  public DemoCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    try (HikariDataSource erp =
            Pools.open("erp", "jdbc:h2:mem:erp;MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "");
        HikariDataSource wms =
            Pools.open("wms", "jdbc:h2:mem:wms;MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "")) {
      out.println("TableSync demo: an ERP (SQL Server) syncing into a warehouse system (MySQL),");
      out.println("both played by embedded H2 databases.");
      out.println();

      long started = System.nanoTime();
      out.printf("[1/4] Creating the ERP: %,d suppliers, %,d materials ... ", suppliers, materials);
      ErpData data = new ErpData();
      data.create(erp, suppliers, materials);
      SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");
      out.printf("%.1f s%n", (System.nanoTime() - started) / 1e9);

      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", erp)
              .dataSource("target", wms)
              .listener(new ProgressLine(out))
              .build();
      SupplierSync supplier = new SupplierSync();
      MaterialSync material = new MaterialSync();

      out.println("[2/4] First sync: every table from the start");
      runAll(engine);
      boolean identical = compare(List.of(supplier, material), erp, wms);

      out.printf("[3/4] Changing %,d suppliers in the ERP%n", changes);
      List<Integer> changed =
          data.changeSuppliers(erp, changes, LocalDateTime.now().withNano(0));

      out.println("[4/4] Second sync: only what changed");
      SyncResult suppliersAgain = engine.run("supplier");
      SyncResult materialsAgain = engine.run("material");
      identical &= compare(List.of(supplier, material), erp, wms);
      boolean exact =
          suppliersAgain.rowsRead() == changed.size() && materialsAgain.rowsRead() == 0;
      out.printf(
          "  the second sync moved %,d supplier rows and %,d material rows: %s%n",
          suppliersAgain.rowsRead(),
          materialsAgain.rowsRead(),
          exact ? "exactly the " + changed.size() + " changed suppliers" : "NOT the changed rows");
      boolean reconciled = new ReconcileStep(out).run(engine, erp, wms);
      out.println(identical && exact && reconciled ? "Demo OK." : "Demo FAILED.");
      return identical && exact && reconciled ? 0 : 1;
    }
  }

  private static void runAll(SyncEngine engine) {
    for (String table : engine.tables()) {
      engine.run(table);
    }
  }

  private boolean compare(List<TableSync<?>> tables, HikariDataSource erp, HikariDataSource wms)
      throws java.sql.SQLException {
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
