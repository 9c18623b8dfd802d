package dev.tablesync.runtime.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Measures TableSync against hand-written JDBC and the bulk-load bound, all in one JVM on the same
 * servers and rows: PostgreSQL as the source, MariaDB as the target, both started here as the tests
 * start them. TableSync runs twice from an empty target: in batches (snapshots off), against the
 * hand-written keyset sync, and as a snapshot, against the bound. Prints a table and one summary
 * line. Not a test: it checks nothing but prints figures.
 *
 * <p>Arguments: {@code --rows N} (default 1,000,000), {@code --buffer-pool SIZE} (MariaDB's
 * InnoDB buffer pool, default 1G), {@code --batch N} (default 1000).
 */
public final class SyncBenchmark {

  private final int rows;
  private final String bufferPool;
  private final int batch;
  private final List<String> table = new ArrayList<>();

  private SyncBenchmark(int rows, String bufferPool, int batch) {
    this.rows = rows;
    this.bufferPool = bufferPool;
    this.batch = batch;
  }

  public static void main(String[] args) throws Exception {
    int rows = 1_000_000;
    String bufferPool = "1G";
    int batch = 1000;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
        case "--buffer-pool" -> bufferPool = args[i + 1];
        case "--batch" -> batch = Integer.parseInt(args[i + 1]);
        case "--reconcile" -> { // the reconciliation benchmark instead, with the other options
          ReconcileBenchmark.main(java.util.Arrays.copyOfRange(args, i + 1, args.length));
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.setProperty("tablesync.test.mariadb.bufferPool", bufferPool);
    new SyncBenchmark(rows, bufferPool, batch).run();
    System.exit(0);
  }

  private void run() throws Exception {
    TestServer postgres = TestServers.postgres();
    TestServer mariaDb = TestServers.mariaDb();
    DataSource source = postgres.newDatabase("bench_src");
    long started = System.nanoTime();
    BenchData.create(source, rows);
    System.out.printf(
        "source: %,d rows created in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    String header =
        String.format(
            Locale.ROOT,
            "bench: %,d rows, %s -> %s (InnoDB buffer pool %s), batch %d",
            rows,
            version(source, "SELECT version()"),
            version(mariaDb.newDatabase("bench_version"), "SELECT version()"),
            bufferPool,
            batch);

    DataSource seedTarget = target(mariaDb, "bench_seed");
    double seedSeconds = time(() -> HandWritten.seedStyle(source, seedTarget));
    long seedLost = rows - count(seedTarget);
    row("seed-style loop: > time, 100 rows, multi-row upsert", rows - seedLost, seedSeconds,
        String.format("lost %,d rows on ties", seedLost));

    DataSource handTarget = target(mariaDb, "bench_hand");
    double handSeconds = time(() -> HandWritten.keysetUpsert(source, handTarget, batch));
    row("hand-written keyset (time, id) + batched upsert", count(handTarget), handSeconds, "");

    DataSource incrementalTarget = target(mariaDb, "bench_incremental");
    SyncEngine incremental = engine(source, incrementalTarget, false);
    double incrementalSeconds = time(() -> incremental.run("bench_supplier").rowsWritten());
    row("TableSync incremental (cursor order)", count(incrementalTarget), incrementalSeconds, "");

    DataSource bulkTarget = target(mariaDb, "bench_bulk");
    double bulkSeconds = time(() -> HandWritten.loadDataInKeyOrder(source, bulkTarget, 100_000));
    row("LOAD DATA LOCAL INFILE in key order (bound)", count(bulkTarget), bulkSeconds, "");

    DataSource snapshotTarget = target(mariaDb, "bench_snapshot");
    SyncEngine snapshot = engine(source, snapshotTarget, true);
    double snapshotSeconds = time(() -> snapshot.run("bench_supplier").rowsWritten());
    row("TableSync snapshot (key order, bulk chunks)", count(snapshotTarget), snapshotSeconds,
        String.format("chunks of %,d", SyncEngine.DEFAULT_SNAPSHOT_CHUNK_SIZE));

    double rawPoll = medianPollMillis(source, handTarget);
    double tableSyncPoll = medianEngineMillis(incremental);
    table.add(String.format(Locale.ROOT, "%-52s %12s %9.3f ms", "poll, nothing changed: raw JDBC", "median", rawPoll));
    table.add(String.format(Locale.ROOT, "%-52s %12s %9.3f ms", "poll, nothing changed: TableSync", "median", tableSyncPoll));

    double changedInLarge = changeAndSync(source, incremental, 10_000);
    DataSource smallSource = postgres.newDatabase("bench_small");
    BenchData.create(smallSource, 10_000);
    SyncEngine small = engine(smallSource, target(mariaDb, "bench_small_target"), false);
    small.run("bench_supplier");
    double changedInSmall = changeAndSync(smallSource, small, 10_000);
    table.add(String.format(Locale.ROOT, "%-52s %12s %9.2f s", "10,000 changed rows in a " + String.format("%,d", rows) + "-row table", "", changedInLarge));
    table.add(String.format(Locale.ROOT, "%-52s %12s %9.2f s", "10,000 changed rows in a 10,000-row table", "", changedInSmall));

    ProcessorCost.Result processor = ProcessorCost.measure(200, 3);
    table.add(String.format(Locale.ROOT, "%-52s %12s %9.2f s", "javac, 200 records, -proc:none", "median", processor.plainSeconds()));
    table.add(String.format(Locale.ROOT, "%-52s %12s %9.2f s", "javac, 200 records, with the processor", "median", processor.processedSeconds()));

    DataSource smallHeapTarget = target(mariaDb, "bench_small_heap");
    boolean smallHeap = syncInSmallHeap(source, smallHeapTarget) && count(smallHeapTarget) == rows;
    table.add(String.format("%-52s %12s", "-Xmx64m JVM snapshots all " + String.format("%,d", rows) + " rows", smallHeap ? "yes" : "NO"));

    System.out.println();
    System.out.println(header);
    System.out.printf("%-52s %12s %9s%n", "variant", "rows/s", "seconds");
    table.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "ratios: snapshot/bulk %.2f, incremental/hand-written %.2f, poll TableSync/raw %.2f,"
            + " changes large/small %.2f, javac with/without processor %.2f%n",
        bulkSeconds / snapshotSeconds,
        handSeconds / incrementalSeconds,
        tableSyncPoll / rawPoll,
        changedInLarge / changedInSmall,
        processor.ratio());
    System.out.printf(
        Locale.ROOT,
        "bench: snapshot_vs_bulk=%.2f incremental_vs_handwritten=%.2f poll_vs_raw=%.2f"
            + " seed_rows_lost=%d rows=%d%n",
        bulkSeconds / snapshotSeconds,
        handSeconds / incrementalSeconds,
        tableSyncPoll / rawPoll,
        seedLost,
        rows);
  }

  private interface Timed {
    long run() throws Exception;
  }

  private static double time(Timed timed) throws Exception {
    long started = System.nanoTime();
    timed.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private void row(String variant, long copied, double seconds, String note) {
    table.add(
        String.format(
            Locale.ROOT, "%-52s %,12.0f %9.2f s  %s", variant, copied / seconds, seconds, note));
  }

  private static DataSource target(TestServer mariaDb, String name) throws SQLException {
    DataSource target = mariaDb.newDatabase(name);
    Sql.execute(target, BenchSupplier.TARGET_DDL);
    HandWritten.createCursorTable(target);
    return target;
  }

  private static SyncEngine engine(DataSource source, DataSource target, boolean snapshot) {
    return SyncEngine.builder()
        .dataSource("source", source)
        .dataSource("target", target)
        .table(new BenchSupplierSync())
        .snapshot(snapshot)
        .build();
  }

  private static long count(DataSource target) {
    return Sql.query(target, "SELECT COUNT(*) FROM bench_supplier", rs -> rs.getLong(1)).get(0);
  }

  private static double medianPollMillis(DataSource source, DataSource target) throws SQLException {
    double[] millis = new double[300];
    try (Connection from = source.getConnection();
        Connection to = target.getConnection()) {
      HandWritten.poll(from, to);
      for (int i = 0; i < millis.length; i++) {
        millis[i] = HandWritten.poll(from, to) / 1e6;
      }
    }
    return median(millis);
  }

  private static double medianEngineMillis(SyncEngine engine) {
    double[] millis = new double[300];
    engine.run("bench_supplier");
    for (int i = 0; i < millis.length; i++) {
      long started = System.nanoTime();
      if (engine.run("bench_supplier").rowsRead() != 0) {
        throw new IllegalStateException("the engine found rows; the table is not caught up");
      }
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    return median(millis);
  }

  /** Gives {@code changes} rows a new change time and times the sync that copies them. */
  private static double changeAndSync(DataSource source, SyncEngine engine, int changes)
      throws Exception {
    Sql.execute(
        source,
        "UPDATE supplier_src SET last_time = ?, supplier_name = supplier_name || ' (changed)'"
            + " WHERE supplier_id IN (SELECT supplier_id FROM supplier_src ORDER BY md5(supplier_id::text) LIMIT ?)",
        LocalDateTime.of(2030, 1, 1, 0, 0),
        changes);
    long[] read = new long[1];
    double seconds = time(() -> read[0] = engine.run("bench_supplier").rowsRead());
    if (read[0] != changes) {
      throw new IllegalStateException("synced " + read[0] + " rows, changed " + changes);
    }
    return seconds;
  }

  private static boolean syncInSmallHeap(DataSource source, DataSource target) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java, "-Xmx64m", "-cp", BenchClasspath.get(), SyncInSmallHeap.class.getName(),
                ((HikariDataSource) source).getJdbcUrl(), ((HikariDataSource) target).getJdbcUrl())
            .inheritIO()
            .start();
    try {
      return child.waitFor(30, TimeUnit.MINUTES) && child.exitValue() == 0;
    } finally {
      child.destroyForcibly();
    }
  }

  private static String version(DataSource dataSource, String query) {
    String version = Sql.query(dataSource, query, rs -> rs.getString(1)).get(0);
    return version.startsWith("PostgreSQL") ? version.split(" ")[0] + " " + version.split(" ")[1]
        : "MariaDB " + version;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
