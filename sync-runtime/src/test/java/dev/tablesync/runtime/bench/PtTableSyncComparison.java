package dev.tablesync.runtime.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.testing.Sql;
import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * TableSync's reconciliation beside Percona's {@code pt-table-sync} on the same data: two
 * databases on one MySQL or MariaDB server (such as the local MariaDB 10.11 service), a supplier
 * table copied by TableSync, then 1% of its rows made different as in {@link ReconcileBenchmark}.
 * {@code pt-table-sync --print} finds the fixes (and changes nothing); then TableSync finds and
 * makes them. Prints both times and the summary line {@code pt_table_sync: ...}.
 *
 * <p>Run: {@code PtTableSyncComparison jdbc:mariadb://127.0.0.1:3306/?user=root [ROWS]}, with
 * {@code pt-table-sync} (Debian: {@code percona-toolkit}) on the path; its databases are named
 * after this process and dropped at the end.
 */
public final class PtTableSyncComparison {

  private PtTableSyncComparison() {}

  public static void main(String[] args) throws Exception {
    String server = args[0];
    int rows = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
    String suffix = "_" + ProcessHandle.current().pid();
    String sourceDb = "tsbench_src" + suffix;
    String targetDb = "tsbench_dst" + suffix;
    try (HikariDataSource admin = pool(server, "")) {
      Sql.execute(admin, "CREATE DATABASE " + sourceDb);
      Sql.execute(admin, "CREATE DATABASE " + targetDb);
      try (HikariDataSource source = pool(server, sourceDb);
          HikariDataSource target = pool(server, targetDb)) {
        run(source, target, sourceDb, targetDb, server, rows);
      } finally {
        Sql.execute(admin, "DROP DATABASE " + sourceDb);
        Sql.execute(admin, "DROP DATABASE " + targetDb);
      }
    }
    System.exit(0);
  }

  private static void run(
      HikariDataSource source,
      HikariDataSource target,
      String sourceDb,
      String targetDb,
      String server,
      int rows)
      throws Exception {
    Sql.execute(source, BenchSupplier.TARGET_DDL.replace("bench_supplier", "supplier_src"));
    // MariaDB's sequence engine makes the rows in the server, like BenchData's shape.
    Sql.execute(
        source,
        "INSERT INTO supplier_src SELECT seq, 'C', 'A', CONCAT('VEN', seq), 1 + seq % 40, seq,"
            + " 100 + seq % 4, CONCAT('Supplier ', seq, ' Trading Co., Ltd.'),"
            + " CONCAT('SG', 1 + seq % 40), CONCAT('Supplier group ', 1 + seq % 40),"
            + " TIMESTAMP('2025-01-01') + INTERVAL seq SECOND FROM seq_1_to_" + rows);
    Sql.execute(target, BenchSupplier.TARGET_DDL);
    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", source)
            .dataSource("target", target)
            .table(new ReconciledBenchSupplierSync())
            .build();
    engine.run("bench_reconcile");
    Sql.execute(source, "DELETE FROM supplier_src WHERE supplier_id % 300 = 1");
    Sql.execute(target, "DELETE FROM bench_supplier WHERE supplier_id % 300 = 2");
    Sql.execute(
        target,
        "UPDATE bench_supplier SET supplier_name = CONCAT(supplier_name, ' (edited)')"
            + " WHERE supplier_id % 300 = 3");

    URI uri = URI.create(server.substring("jdbc:".length()));
    String host = "h=" + uri.getHost() + ",P=" + uri.getPort() + ",u=root";
    File fixes = File.createTempFile("pt-table-sync", ".sql");
    List<String> command =
        List.of(
            "pt-table-sync", "--print", "--no-check-triggers",
            host + ",D=" + sourceDb + ",t=supplier_src",
            host + ",D=" + targetDb + ",t=bench_supplier");
    long started = System.nanoTime();
    Process pt =
        new ProcessBuilder(command)
            .redirectOutput(fixes)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    int exit = pt.waitFor(); // 2: differences found
    double ptSeconds = (System.nanoTime() - started) / 1e9;
    long statements = java.nio.file.Files.lines(fixes.toPath()).count();
    fixes.delete();

    started = System.nanoTime();
    ReconcileResult result = engine.reconcile("bench_reconcile");
    double tableSyncSeconds = (System.nanoTime() - started) / 1e9;
    if (!engine.reconcile("bench_reconcile").inSync()) {
      throw new IllegalStateException("the repaired copy differs");
    }
    String version = Sql.query(source, "SELECT version()", rs -> rs.getString(1)).get(0);
    System.out.printf(
        Locale.ROOT,
        "%,d rows on %s, 1%% different%n"
            + "pt-table-sync --print (finds the fixes)        %7.2f s  %,d statements, exit %d%n"
            + "TableSync reconcile, full (finds and makes them) %5.2f s  %s%n"
            + "pt_table_sync: pt_s=%.2f tablesync_s=%.2f pt_vs_tablesync=%.2f rows=%d%n",
        rows, version, ptSeconds, statements, exit, tableSyncSeconds, result,
        ptSeconds, tableSyncSeconds, ptSeconds / tableSyncSeconds, rows);
  }

  private static HikariDataSource pool(String server, String database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.replace("/?", "/" + database + "?"));
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }
}
