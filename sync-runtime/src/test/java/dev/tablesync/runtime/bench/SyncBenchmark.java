package dev.tablesync.runtime.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Measures TableSync against hand-written JDBC and the bulk-load bound, all in one JVM on the same
 * servers and rows: PostgreSQL as the source, MariaDB as the target, first the embedded servers the
 * tests start, then the machine's own MariaDB and PostgreSQL services when they answer. Each
 * variant copies the whole source into an empty target through one driver with its options;
 * each line names the variant, the driver and its options, and both servers. Then come polls,
 * the source read's cost at the start and the end of the table, and one summary line per pair of
 * servers. Not a test: it checks nothing but prints figures.
 *
 * <p>To add a line: add a {@link Variant} to {@link #variants()} (or a {@link #line} in {@link
 * #measure}), and, for a ratio, a term to {@link #summary}.
 *
 * <p>Arguments: {@code --rows N} (default 1,000,000), {@code --buffer-pool SIZE} (the embedded
 * MariaDB's InnoDB buffer pool, default 1G), {@code --batch N} (default 1000).
 */
public final class SyncBenchmark {

  /** The local services, where the machine runs them; the same as CI's test variables. */
  private static final String LOCAL_MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

  private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /** Each driver's version, by URL scheme, as its first connection reports it. */
  private static final Map<String, String> DRIVER_VERSIONS = new HashMap<>();

  /**
   * A target driver and its options, added to a MariaDB Connector/J URL of the target database.
   *
   * @param name the driver's name, its version found at run time
   * @param scheme the URL's scheme
   * @param options URL options, or empty for the driver's defaults
   */
  record Driver(String name, String scheme, String options) {
    static final Driver MARIADB = new Driver("MariaDB Connector/J", "jdbc:mariadb:", "");
    static final Driver MARIADB_BULK =
        new Driver("MariaDB Connector/J", "jdbc:mariadb:", "useBulkStmts=true");
    static final Driver MARIADB_REWRITE =
        new Driver("MariaDB Connector/J", "jdbc:mariadb:", "rewriteBatchedStatements=true");
    static final Driver MYSQL = new Driver("MySQL Connector/J", "jdbc:mysql:", "");
    static final Driver MYSQL_REWRITE =
        new Driver("MySQL Connector/J", "jdbc:mysql:", "rewriteBatchedStatements=true");
    static final Driver MYSQL_LOCAL_DATA =
        new Driver("MySQL Connector/J", "jdbc:mysql:", "allowLoadLocalInfile=true");

    String url(String mariaDbUrl) {
      String url = mariaDbUrl.replace("jdbc:mariadb:", scheme);
      return options.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + options;
    }

    String optionsText() {
      return options.isEmpty() ? "defaults" : options;
    }
  }

  /** Copies the whole source into an empty target; returns the rows it wrote. */
  @FunctionalInterface
  interface Copy {
    long run(DataSource source, DataSource target) throws Exception;
  }

  /**
   * One measured way of copying the table.
   *
   * @param key names the figure for the summary
   * @param name what the line says
   */
  record Variant(String key, String name, Driver driver, Copy copy) {}

  /** A source server and a target server; embedded ones are the tests', started here. */
  private record Servers(String label, TestServer source, TestServer target, boolean embedded) {}

  private final int rows;
  private final String bufferPool;
  private final int batch;
  /** Rows per second of each variant of the servers being measured, by key. */
  private final Map<String, Double> rate = new HashMap<>();
  /** The engines of TableSync's variants, kept with their caught-up targets for the polls. */
  private final Map<String, SyncEngine> engines = new HashMap<>();
  private final Map<String, DataSource> targets = new HashMap<>();
  private final List<String> lines = new ArrayList<>();
  private final List<String> summaries = new ArrayList<>();
  private String serverText;

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

  /** Every variant, in the order the table prints them. */
  private List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    variants.add(
        new Variant("seed", "seed-style loop: > time, 100 rows, multi-row upsert", Driver.MARIADB,
            HandWritten::seedStyle));
    for (boolean overlapped : new boolean[] {false, true}) {
      variants.add(
          new Variant(
              "hand_batch" + (overlapped ? "_overlapped" : ""),
              "hand: keyset, " + HandWritten.Write.BATCHED_SINGLE_ROW.label
                  + (overlapped ? ", next read overlapped" : ""),
              Driver.MYSQL_REWRITE,
              (source, target) ->
                  HandWritten.keyset(
                      source, target, batch, HandWritten.Write.BATCHED_SINGLE_ROW, overlapped)));
    }
    for (Driver driver : List.of(Driver.MYSQL_REWRITE, Driver.MYSQL, Driver.MARIADB)) {
      variants.add(
          new Variant(
              "hand_multi " + driver,
              "hand: keyset, " + HandWritten.Write.MULTI_ROW.label + ", next read overlapped",
              driver,
              (source, target) ->
                  HandWritten.keyset(source, target, batch, HandWritten.Write.MULTI_ROW, true)));
    }
    for (Driver driver :
        List.of(
            Driver.MYSQL_REWRITE, Driver.MYSQL, Driver.MARIADB, Driver.MARIADB_BULK,
            Driver.MARIADB_REWRITE)) {
      variants.add(tableSync("incremental " + driver, "TableSync incremental (batches)", driver,
          builder -> builder.snapshot(false).backlogChunkSize(0)));
    }
    for (Driver driver : List.of(Driver.MARIADB, Driver.MYSQL_LOCAL_DATA)) {
      variants.add(tableSync("backlog " + driver, "TableSync backlog (bulk chunks of "
          + String.format("%,d", SyncEngine.DEFAULT_BACKLOG_CHUNK_SIZE) + ")", driver,
          builder -> builder.snapshot(false)));
    }
    variants.add(
        new Variant("bulk", "LOAD DATA LOCAL INFILE in key order (bound)", Driver.MARIADB,
            (source, target) -> HandWritten.loadDataInKeyOrder(source, target, 100_000)));
    variants.add(tableSync("snapshot", "TableSync snapshot (key order, bulk chunks)",
        Driver.MARIADB, builder -> builder.snapshot(true)));
    return variants;
  }

  private Variant tableSync(
      String key, String name, Driver driver, UnaryOperator<SyncEngine.Builder> settings) {
    return new Variant(key, name, driver, (source, target) -> {
      SyncEngine engine =
          settings
              .apply(
                  SyncEngine.builder()
                      .dataSource("source", source)
                      .dataSource("target", target)
                      .table(new BenchSupplierSync()))
              .build();
      engines.put(key, engine);
      return engine.run("bench_supplier").rowsWritten();
    });
  }

  private void run() throws Exception {
    List<Servers> pairs = new ArrayList<>();
    pairs.add(new Servers("embedded", TestServers.postgres(), TestServers.mariaDb(), true));
    if (answers(LOCAL_MARIADB) && answers(LOCAL_POSTGRES)) {
      pairs.add(
          new Servers(
              "local services",
              TestServers.running("local PostgreSQL", LOCAL_POSTGRES, TestServer.Product.POSTGRESQL),
              TestServers.running("local MariaDB", LOCAL_MARIADB, TestServer.Product.MARIADB),
              false));
    } else {
      add("local MariaDB and PostgreSQL services: not answering, not measured");
    }
    for (Servers servers : pairs) {
      measure(servers);
    }
    System.out.println();
    System.out.printf("%-58s %-62s %10s %9s%n", "variant", "driver, options | servers", "rows/s",
        "seconds");
    lines.forEach(System.out::println);
    summaries.forEach(System.out::println);
  }

  /** Adds a line to the table, and prints it at once: a long run shows its progress. */
  private void add(String line) {
    lines.add(line);
    System.out.println("| " + line);
  }

  private void measure(Servers servers) throws Exception {
    rate.clear();
    engines.clear();
    targets.clear();
    DataSource source = servers.source().newDatabase("bench_src");
    long started = System.nanoTime();
    BenchData.create(source, rows);
    System.out.printf(
        "%s: %,d source rows created in %.1f s%n",
        servers.label(), rows, (System.nanoTime() - started) / 1e9);
    DataSource probe = servers.target().newDatabase("bench_version");
    serverText =
        version(source) + " -> " + version(probe) + " (buffer pool "
            + (servers.embedded()
                ? bufferPool
                : Sql.query(probe, "SELECT @@innodb_buffer_pool_size", rs -> rs.getLong(1)).get(0)
                        / (1 << 20) + "M")
            + ")";
    drop(probe);
    add("");
    add(String.format(Locale.ROOT, "%s, %,d rows, batch %d: %s", servers.label(), rows,
        batch, serverText));

    long seedLost = 0;
    for (Variant variant : variants()) {
      DataSource target = target(servers.target(), variant.driver());
      double seconds = time(() -> variant.copy().run(source, target));
      long copied = count(target);
      if (variant.key().equals("seed")) {
        seedLost = rows - copied;
      } else if (copied != rows) {
        throw new IllegalStateException(variant.name() + " copied " + copied + " of " + rows);
      }
      rate.put(variant.key(), copied / seconds);
      line(variant.name(), variant.driver(), copied / seconds, seconds,
          variant.key().equals("seed") ? String.format("lost %,d rows on ties", seedLost) : "");
      if (engines.containsKey(variant.key()) && variant.key().startsWith("incremental")) {
        targets.put(variant.key(), target);
      } else {
        drop(target);
      }
    }

    double[] readCost = SourceReadCost.measure(source, batch);
    add(String.format(Locale.ROOT,
        "%-58s %-62s %9.2f ms / %.2f ms", "source read per batch, start / end of table",
        "TableSync (row values) | " + serverText, readCost[0], readCost[1]));
    add(String.format(Locale.ROOT,
        "%-58s %-62s %9.2f ms / %.2f ms", "source read per batch, start / end of table",
        "expanded form c >= ? AND (c > ? OR ...) | " + serverText, readCost[2], readCost[3]));

    double worstPoll = 0;
    for (Driver driver : List.of(Driver.MARIADB, Driver.MYSQL_REWRITE)) {
      String key = "incremental " + driver;
      double raw = medianPollMillis(source, targets.get(key));
      double engine = medianEngineMillis(engines.get(key));
      worstPoll = Math.max(worstPoll, engine / raw);
      pollLine("poll, nothing changed: raw JDBC, two reads", driver, raw);
      pollLine("poll, nothing changed: TableSync", driver, engine);
    }

    if (servers.embedded()) {
      measureEmbeddedOnly(servers, source);
    }
    summary(servers, seedLost, worstPoll, readCost);
    for (DataSource target : targets.values()) {
      drop(target);
    }
    if (!servers.embedded()) {
      dropSource(source);
    }
  }

  /** What runs once: changes in a large and a small table, javac's cost, a small heap. */
  private void measureEmbeddedOnly(Servers servers, DataSource source) throws Exception {
    SyncEngine incremental = engines.get("incremental " + Driver.MARIADB);
    double changedInLarge = changeAndSync(source, incremental, 10_000);
    DataSource smallSource = servers.source().newDatabase("bench_small");
    BenchData.create(smallSource, 10_000);
    SyncEngine small =
        SyncEngine.builder()
            .dataSource("source", smallSource)
            .dataSource("target", target(servers.target(), Driver.MARIADB))
            .table(new BenchSupplierSync())
            .snapshot(false)
            .build();
    small.run("bench_supplier");
    double changedInSmall = changeAndSync(smallSource, small, 10_000);
    add(String.format(Locale.ROOT, "%-58s %-62s %19.2f s",
        "10,000 changed rows in a " + String.format("%,d", rows) + "-row table",
        Driver.MARIADB.name() + ", defaults", changedInLarge));
    add(String.format(Locale.ROOT, "%-58s %-62s %19.2f s",
        "10,000 changed rows in a 10,000-row table", Driver.MARIADB.name() + ", defaults",
        changedInSmall));

    ProcessorCost.Result processor = ProcessorCost.measure(200, 3);
    add(String.format(Locale.ROOT, "%-58s %-62s %19.2f s", "javac, 200 records, -proc:none",
        "median", processor.plainSeconds()));
    add(String.format(Locale.ROOT, "%-58s %-62s %19.2f s",
        "javac, 200 records, with the processor", "median", processor.processedSeconds()));

    DataSource smallHeapTarget = target(servers.target(), Driver.MARIADB);
    boolean smallHeap = syncInSmallHeap(source, smallHeapTarget) && count(smallHeapTarget) == rows;
    add(String.format("%-58s %-62s %10s", "-Xmx64m JVM snapshots all "
        + String.format("%,d", rows) + " rows", Driver.MARIADB.name(), smallHeap ? "yes" : "NO"));
  }

  /** The summary line of one pair of servers: each ratio, TableSync's figure over its baseline. */
  private void summary(Servers servers, long seedLost, double worstPoll, double[] readCost) {
    double bestHand = 0;
    double incrementalVsBest = Double.MAX_VALUE;
    for (Driver driver : List.of(Driver.MYSQL_REWRITE, Driver.MYSQL, Driver.MARIADB)) {
      double hand = rate.get("hand_multi " + driver);
      bestHand = Math.max(bestHand, hand);
      incrementalVsBest = Math.min(incrementalVsBest, rate.get("incremental " + driver) / hand);
    }
    bestHand = Math.max(bestHand, rate.get("hand_batch_overlapped"));
    double backlog =
        Math.min(rate.get("backlog " + Driver.MARIADB), rate.get("backlog " + Driver.MYSQL_LOCAL_DATA));
    summaries.add(
        String.format(
            Locale.ROOT,
            "bench: snapshot_vs_bulk=%.2f incremental_vs_handwritten=%.2f"
                + " incremental_vs_best_handwritten=%.2f backlog_vs_best_handwritten=%.2f"
                + " poll_vs_raw=%.2f source_read_end_vs_start=%.2f seed_rows_lost=%d rows=%d"
                + " servers=%s (%s)",
            rate.get("snapshot") / rate.get("bulk"),
            rate.get("incremental " + Driver.MYSQL_REWRITE) / rate.get("hand_batch"),
            incrementalVsBest,
            backlog / bestHand,
            worstPoll,
            readCost[1] / readCost[0],
            seedLost,
            rows,
            servers.label(),
            serverText));
  }

  private interface Timed {
    long run() throws Exception;
  }

  private static double time(Timed timed) throws Exception {
    long started = System.nanoTime();
    timed.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private void line(String variant, Driver driver, double rowsPerSecond, double seconds,
      String note) {
    add(
        String.format(
            Locale.ROOT, "%-58s %-62s %,10.0f %9.2f s  %s", variant, describe(driver), rowsPerSecond,
            seconds, note));
  }

  private void pollLine(String variant, Driver driver, double millis) {
    add(String.format(Locale.ROOT, "%-58s %-62s %12s %9.3f ms", variant, describe(driver),
        "median", millis));
  }

  /** The driver with its version, its options, and the servers. */
  private String describe(Driver driver) {
    return driver.name() + " " + DRIVER_VERSIONS.getOrDefault(driver.scheme(), "") + ", "
        + driver.optionsText() + " | " + serverText;
  }

  /** A new target database with the table and the hand-written cursor table, via {@code driver}. */
  private static DataSource target(TestServer mariaDb, Driver driver) throws SQLException {
    HikariDataSource created = (HikariDataSource) mariaDb.newDatabase("bench_target");
    Sql.execute(created, BenchSupplier.TARGET_DDL);
    HandWritten.createCursorTable(created);
    if (driver.equals(Driver.MARIADB)) {
      noteDriverVersion(driver, created);
      return created;
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(driver.url(created.getJdbcUrl()));
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    created.close();
    HikariDataSource pool = new HikariDataSource(config);
    noteDriverVersion(driver, pool);
    return pool;
  }

  private static void noteDriverVersion(Driver driver, DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      DRIVER_VERSIONS.putIfAbsent(
          driver.scheme(), meta.getDriverVersion().replace("mysql-connector-j-", "").split(" ")[0]);
    }
  }

  /** Drops a target database, so that the local service keeps no benchmark data. */
  private static void drop(DataSource database) {
    HikariDataSource pool = (HikariDataSource) database;
    String url = pool.getJdbcUrl();
    String name = url.substring(url.indexOf('/', url.indexOf("//") + 2) + 1).split("[?;]")[0];
    Sql.execute(database, "DROP DATABASE " + name);
    pool.close();
  }

  private static void dropSource(DataSource source) {
    HikariDataSource pool = (HikariDataSource) source;
    String url = pool.getJdbcUrl();
    String name = url.substring(url.lastIndexOf('/') + 1).split("[?;]")[0];
    pool.close();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(LOCAL_POSTGRES);
    config.setMaximumPoolSize(1);
    try (HikariDataSource admin = new HikariDataSource(config)) {
      Sql.execute(admin, "DROP DATABASE " + name + " WITH (FORCE)");
    }
  }

  private static boolean answers(String url) {
    try (Connection connection = java.sql.DriverManager.getConnection(url)) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static long count(DataSource target) {
    return Sql.query(target, "SELECT COUNT(*) FROM bench_supplier", rs -> rs.getLong(1)).get(0);
  }

  private static double medianPollMillis(DataSource source, DataSource target) throws SQLException {
    Sql.execute(
        target,
        "UPDATE bench_cursor SET last_time = (SELECT MAX(last_time) FROM bench_supplier),"
            + " last_id = (SELECT MAX(supplier_id) FROM bench_supplier b WHERE b.last_time ="
            + " (SELECT MAX(last_time) FROM bench_supplier)) WHERE name = 'supplier'");
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

  private static String version(DataSource dataSource) {
    String version = Sql.query(dataSource, "SELECT version()", rs -> rs.getString(1)).get(0);
    return version.startsWith("PostgreSQL") ? version.split(" ")[0] + " " + version.split(" ")[1]
        : "MariaDB " + version.split("-")[0];
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
