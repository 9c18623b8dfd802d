package dev.tablesync.runtime.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.testing.ChildJvm;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three Quartz nodes in JVMs of their own, clustered on a JDBC job store in a real database, sync
 * four tables while one node is killed with SIGKILL in the middle of a run. Checks that every
 * table is synced, that no table ever ran on two nodes at once (by the nodes' run log), that
 * another node picked up the killed node's work, and that the targets end equal to the sources.
 * Prints the figures.
 */
class QuartzClusterTest {

  private static final int NODES = 3;
  private static final List<String> TABLES = List.of("carrier", "invoice", "parcel", "consignment");
  private static final int ROWS = 3_000;
  private static final int ROWS_ADDED_AFTER_KILL = 500;
  private static final long BATCH_PAUSE_MILLIS = 40;
  private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 6, 0);

  static List<TestServer> servers() {
    return List.of(TestServers.mariaDb(), TestServers.postgres());
  }

  /** One run as the run log has it; {@code finished} is null while it runs or after a kill. */
  private record Run(String table, String node, boolean recovering, long started, Long finished) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void nodesShareTheTablesAndPickUpAKilledNodesWork(TestServer server) throws Exception {
    DataSource source = server.newDatabase("cluster_src");
    DataSource target = server.newDatabase("cluster_dst");
    DataSource jobStore = server.newDatabase("cluster_jobs");
    String timestamp = server.timestampType();
    for (String table : TABLES) {
      String columns = "(id BIGINT PRIMARY KEY, label VARCHAR(100), changed_at " + timestamp + ")";
      Sql.execute(source, "CREATE TABLE " + table + " " + columns);
      Sql.execute(target, "CREATE TABLE " + table + "_copy " + columns);
    }
    Sql.execute(target, ClusterNode.RUN_LOG);
    boolean postgres = server.product() == TestServer.Product.POSTGRESQL;
    createJobStoreTables(jobStore, postgres ? "tables_postgres.sql" : "tables_mysql_innodb.sql");

    Map<String, Process> nodes = new LinkedHashMap<>();
    Map<String, Path> logs = new LinkedHashMap<>();
    try {
      for (int n = 1; n <= NODES; n++) {
        String node = "node-" + n;
        Path log = Path.of("target", "quartz-cluster", server.product() + "-" + node + ".log");
        logs.put(node, log);
        nodes.put(
            node,
            ChildJvm.start(
                // slf4j-simple logs the nodes' lines; Logback is there for another test.
                ChildJvm.testClassPathWithout(entry -> entry.contains("logback")),
                ClusterNode.class,
                log,
                node,
                postgres ? "org.postgresql.Driver" : "org.mariadb.jdbc.Driver",
                postgres
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                    : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate",
                url(jobStore),
                url(source),
                url(target),
                Long.toString(BATCH_PAUSE_MILLIS)));
      }

      await(
          "every node checked in", 120, nodes, logs,
          () -> count(jobStore, "QRTZ_SCHEDULER_STATE") == NODES ? Optional.of(true) : Optional.empty());
      for (String table : TABLES) {
        insert(source, table, 1, ROWS, T0);
      }

      // Kill a node while it is in the middle of a run that still has rows to copy.
      Run victim =
          await(
              "a run in flight with rows left", 120, nodes, logs,
              () -> runs(target).stream()
                  .filter(r -> r.finished() == null)
                  .filter(r -> count(target, r.table() + "_copy") < ROWS / 2)
                  .findFirst());
      nodes.get(victim.node()).destroyForcibly().waitFor();
      long killedAt = System.currentTimeMillis();
      for (String table : TABLES) {
        insert(source, table, ROWS + 1, ROWS + ROWS_ADDED_AFTER_KILL, T0.plusHours(1));
      }

      Run pickUp =
          await(
              "another node running " + victim.table() + " after the kill", 120, nodes, logs,
              () -> runs(target).stream()
                  .filter(r -> r.table().equals(victim.table()))
                  .filter(r -> !r.node().equals(victim.node()) && r.started() >= killedAt)
                  .min(Comparator.comparingLong(Run::started)));
      await(
          "every table copied by a run that started after the kill and finished", 120, nodes, logs,
          () -> TABLES.stream().allMatch(
                  t -> count(target, t + "_copy") == ROWS + ROWS_ADDED_AFTER_KILL
                      && runs(target).stream().anyMatch(r -> r.table().equals(t)
                          && r.started() > killedAt && r.finished() != null))
              ? Optional.of(true)
              : Optional.empty());

      for (Process node : nodes.values()) {
        node.destroyForcibly().waitFor();
      }
      long stoppedAt = System.currentTimeMillis();

      List<Run> runs = runs(target);
      assertTrue(
          runs.stream().anyMatch(r -> r.node().equals(victim.node()) && r.finished() == null
              && r.table().equals(victim.table())),
          "the killed node's run never finished");
      int overlaps = 0;
      for (String table : TABLES) {
        List<Run> ofTable =
            runs.stream().filter(r -> r.table().equals(table))
                .sorted(Comparator.comparingLong(Run::started)).toList();
        for (int i = 1; i < ofTable.size(); i++) {
          Run before = ofTable.get(i - 1);
          long end = before.finished() != null ? before.finished()
              : before.node().equals(victim.node()) ? killedAt : stoppedAt;
          if (ofTable.get(i).started() < end) {
            overlaps++;
            System.out.println("overlap: " + before + " and " + ofTable.get(i));
          }
        }
        List<Parcel> expected = rows(source, table);
        Rows.assertSameRows(expected, rows(target, table + "_copy"));
      }
      assertEquals(0, overlaps, "runs of one table overlapped");

      Map<String, Long> perNode =
          runs.stream().collect(Collectors.groupingBy(Run::node, java.util.TreeMap::new,
              Collectors.counting()));
      System.out.printf(
          "quartz cluster on %s: nodes %d, tables %d, runs %d %s, overlaps seen %d;"
              + " %s killed (SIGKILL) mid-run of %s, picked up by %s after %.1f s (%s)%n",
          server, NODES, TABLES.size(), runs.size(), perNode, overlaps, victim.node(),
          victim.table(), pickUp.node(), (pickUp.started() - killedAt) / 1e3,
          pickUp.recovering() ? "recovery firing" : "regular firing");
    } finally {
      for (Process node : nodes.values()) {
        node.destroyForcibly();
      }
    }
  }

  private static <T> T await(
      String what, int seconds, Map<String, Process> nodes, Map<String, Path> logs,
      java.util.function.Supplier<Optional<T>> check) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<T> found = check.get();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    StringBuilder tails = new StringBuilder();
    logs.forEach((node, log) -> tails.append("\n--- ").append(node)
        .append(nodes.get(node).isAlive() ? " (alive)" : " (dead)").append('\n')
        .append(ChildJvm.tail(log, 15)));
    return fail("waited " + seconds + " s for " + what + tails);
  }

  private static List<Run> runs(DataSource target) {
    return Sql.query(
        target,
        "SELECT sync_name, node, recovering, started_ms, finished_ms FROM cluster_run_log",
        rs -> new Run(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getLong(4),
            rs.getObject(5) == null ? null : rs.getLong(5)));
  }

  private static long count(DataSource dataSource, String table) {
    return Sql.query(dataSource, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).get(0);
  }

  /** Every row of one of the tables; they share a shape, so one record reads them all. */
  private static List<Parcel> rows(DataSource dataSource, String table) {
    return Sql.records(
        dataSource, "SELECT id, label, changed_at FROM " + table + " ORDER BY id", new ParcelSync());
  }

  private static void insert(DataSource source, String table, long from, long to, LocalDateTime at) {
    Sql.batch(
        source,
        "INSERT INTO " + table + " (id, label, changed_at) VALUES (?, ?, ?)",
        from,
        to,
        id -> List.of(id, table + " " + id, at.plusNanos(id % 7 * 1_000)));
  }

  /** Runs Quartz's own DDL for the product, shipped in its jar. */
  private static void createJobStoreTables(DataSource jobStore, String script) throws IOException {
    String text;
    try (InputStream in =
        org.quartz.Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + script)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String withoutComments =
        text.lines()
            .filter(line -> !line.startsWith("#") && !line.startsWith("--"))
            .collect(Collectors.joining("\n"));
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.split(";")) {
      if (!statement.isBlank() && !statement.strip().equalsIgnoreCase("commit")) {
        statements.add(statement.strip());
      }
    }
    for (String statement : statements) {
      Sql.execute(jobStore, statement);
    }
  }

  /** The JDBC URL, with credentials, of a test database. */
  private static String url(DataSource dataSource) {
    return ((HikariDataSource) dataSource).getJdbcUrl();
  }
}
