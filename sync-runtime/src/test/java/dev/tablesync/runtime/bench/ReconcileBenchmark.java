package dev.tablesync.runtime.bench;

import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Reconciliation of a copied table: with no differences, by keys and by every column, against the
 * time a hand-written JDBC program takes to read both sides once in key order; then with 1% of the
 * rows made different (deleted in the source, deleted in the target, edited in the target), the
 * time to find and repair them. PostgreSQL source, MariaDB target, both started here. Prints
 * figures and a summary line {@code reconcile: full_vs_read=R keys_vs_full=R ...}; checks
 * nothing but that the repaired copy is then equal.
 *
 * <p>Run: {@code SyncBenchmark --reconcile [--rows N]}, or this class's {@code main}.
 */
public final class ReconcileBenchmark {

  private static final int FETCH_SIZE = 10_000;

  private final int rows;
  private final List<String> table = new ArrayList<>();

  private ReconcileBenchmark(int rows) {
    this.rows = rows;
  }

  public static void main(String[] args) throws Exception {
    int rows = 1_000_000;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
        case "--buffer-pool" -> System.setProperty("tablesync.test.mariadb.bufferPool", args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    new ReconcileBenchmark(rows).run();
    System.exit(0);
  }

  private void run() throws Exception {
    TestServer postgres = TestServers.postgres();
    TestServer mariaDb = TestServers.mariaDb();
    DataSource source = postgres.newDatabase("reconcile_src");
    DataSource target = mariaDb.newDatabase("reconcile_dst");
    BenchData.create(source, rows);
    Sql.execute(target, BenchSupplier.TARGET_DDL);
    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", source)
            .dataSource("target", target)
            .table(new ReconciledBenchSupplierSync())
            .build();
    long started = System.nanoTime();
    engine.run("bench_reconcile");
    System.out.printf(
        "copied %,d rows in %.1f s%n", count(target), (System.nanoTime() - started) / 1e9);

    String sourceRead = "SELECT " + BenchSupplier.COLUMNS + " FROM supplier_src ORDER BY supplier_id";
    String targetRead = "SELECT " + BenchSupplier.COLUMNS + " FROM bench_supplier ORDER BY supplier_id";
    // Warm both servers' caches, so that every variant reads from memory.
    readAll(source, sourceRead);
    readAll(target, targetRead);

    double sourceOnce = best(() -> readAll(source, sourceRead));
    double targetOnce = best(() -> readAll(target, targetRead));
    double bothAtOnce =
        best(
            () -> {
              CompletableFuture<Long> other =
                  CompletableFuture.supplyAsync(() -> unchecked(() -> readAll(source, sourceRead)));
              long n = readAll(target, targetRead);
              return n + other.join();
            });
    String options = "typed getters, fetch size " + FETCH_SIZE + ", key order";
    row("read source once (hand-written JDBC)", rows, sourceOnce, options);
    row("read target once (hand-written JDBC)", rows, targetOnce, options);
    row("read both once, one after the other", 2L * rows, sourceOnce + targetOnce, "");
    row("read both once, at the same time", 2L * rows, bothAtOnce, "two threads");

    ReconcileResult[] last = new ReconcileResult[1];
    double full = best(() -> compared(last, engine.reconcile("bench_reconcile")));
    check(last[0].inSync(), "no differences expected: " + last[0]);
    row("TableSync reconcile, full, no differences", 2L * rows, full, ranges());
    double keys =
        best(() -> compared(last, engine.reconcile("bench_reconcile", ReconcileDepth.KEYS)));
    check(last[0].inSync(), "no differences expected: " + last[0]);
    row("TableSync reconcile, keys only, no differences", 2L * rows, keys, ranges());

    int stride = 300;
    long each = (rows - 1) / stride + 1; // ids 1 to rows with id % stride == 1 (and 2, and 3)
    injectDifferences(source, target, stride);
    long repairStarted = System.nanoTime();
    ReconcileResult repair = engine.reconcile("bench_reconcile");
    double repairSeconds = (System.nanoTime() - repairStarted) / 1e9;
    row(
        "TableSync reconcile, full, 1% different", 2L * rows, repairSeconds,
        String.format(
            "%,d missing, %,d extra, %,d different; %,d repaired, %,d deleted",
            repair.missing(), repair.extra(), repair.different(), repair.repaired(),
            repair.deleted()));
    ReconcileResult after = engine.reconcile("bench_reconcile");
    check(after.inSync(), "the repaired copy differs: " + after);
    check(repair.missing() == each && repair.extra() == each && repair.different() == each,
        "found other differences than injected: " + repair);

    System.out.println();
    System.out.printf(
        "reconcile bench: %,d rows, PostgreSQL %s -> MariaDB %s%n",
        rows, version(source, "SHOW server_version"), version(target, "SELECT version()"));
    System.out.printf("%-52s %12s %9s%n", "variant", "rows/s", "seconds");
    table.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "reconcile: full_vs_read=%.2f full_vs_sequential_read=%.2f keys_vs_full=%.2f"
            + " repair_1pct_s=%.2f rows=%d%n",
        full / bothAtOnce,
        full / (sourceOnce + targetOnce),
        keys / full,
        repairSeconds,
        rows);
  }

  private String ranges() {
    return String.format("ranges of %,d", SyncEngine.DEFAULT_RECONCILE_RANGE_SIZE);
  }

  /**
   * Makes one row in {@code stride} gone from the source, another missing in the target and a
   * third edited in the target, spread over the key range.
   */
  private void injectDifferences(DataSource source, DataSource target, int stride) {
    Sql.execute(source, "DELETE FROM supplier_src WHERE supplier_id % ? = 1", stride);
    Sql.execute(target, "DELETE FROM bench_supplier WHERE supplier_id % ? = 2", stride);
    Sql.execute(
        target,
        "UPDATE bench_supplier SET supplier_name = CONCAT(supplier_name, ' (edited)')"
            + " WHERE supplier_id % ? = 3",
        stride);
  }

  /** Reads every row of {@code sql} with the typed getters of each column, as a copy would. */
  private static long readAll(DataSource dataSource, String sql) throws SQLException {
    long n = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only in a transaction
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rs.getLong(1);
            rs.getString(2);
            rs.getString(3);
            rs.getString(4);
            rs.getLong(5);
            rs.getLong(6);
            rs.getLong(7);
            rs.getString(8);
            rs.getString(9);
            rs.getString(10);
            rs.getObject(11, LocalDateTime.class);
            n++;
          }
        }
      }
      connection.commit();
    }
    return n;
  }

  private interface Timed {
    long run() throws Exception;
  }

  /** The best of three runs, in seconds: the figure least disturbed by other work. */
  private static double best(Timed timed) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      timed.run();
      best = Math.min(best, (System.nanoTime() - started) / 1e9);
    }
    return best;
  }

  private static long compared(ReconcileResult[] last, ReconcileResult result) {
    last[0] = result;
    return result.sourceRows() + result.targetRows();
  }

  private static long unchecked(Timed timed) {
    try {
      return timed.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private void row(String variant, long compared, double seconds, String note) {
    table.add(
        String.format(
            Locale.ROOT, "%-52s %,12.0f %9.2f s  %s", variant, compared / seconds, seconds, note));
  }

  private static long count(DataSource target) {
    return Sql.query(target, "SELECT COUNT(*) FROM bench_supplier", rs -> rs.getLong(1)).get(0);
  }

  private static String version(DataSource dataSource, String query) {
    return Sql.query(dataSource, query, rs -> rs.getString(1)).get(0);
  }
}
