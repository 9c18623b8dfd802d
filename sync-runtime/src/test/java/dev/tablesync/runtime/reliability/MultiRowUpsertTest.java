package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.tables.ReadingSync;
import dev.tablesync.runtime.tables.TicketSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.StatementLog;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch is written with upserts of many rows each, whatever the driver's options: as few
 * statements as the server's limits on parameters and statement size allow, each row count
 * prepared once per run, rows sharing a key written as the last of them.
 */
class MultiRowUpsertTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 9, 1, 6, 0, 0, 123_456_000);

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aBatchIsOneStatementAndEachRowCountIsPreparedOnce(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Tickets tickets = new Tickets(route, databases, true);
      tickets.insert(1, 2_500, 7);
      StatementLog targetSql = new StatementLog();

      SyncResult result = tickets.engine(targetSql).run("ticket");

      assertEquals(3, result.batches());
      assertEquals(3, targetSql.count(MultiRowUpsertTest::isTicketUpsert), "one per batch");
      assertEquals(
          2, targetSql.preparedCount(MultiRowUpsertTest::isTicketUpsert), "1,000 rows and 500");
      tickets.assertSame();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aBatchOverTheParameterLimitIsSplit(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(route.source(), "reading_src");
      DataSource target = databases.create(route.target(), "reading_dst");
      createReadings(source, "reading", route.source());
      createReadings(target, "reading_copy", route.target());
      Sql.batch(
          source,
          "INSERT INTO reading (id, body, changed_at) VALUES (?, ?, ?)",
          1,
          25_000,
          n -> List.of(n, "reading " + n, T0.plusSeconds(n / 10)));
      StatementLog targetSql = new StatementLog();

      engine(source, targetSql.wrap(target), new ReadingSync()).run("reading");

      // 65,535 parameters hold 21,845 rows of three columns.
      assertEquals(2, targetSql.count(MultiRowUpsertTest::isReadingUpsert));
      assertSameReadings(source, target);
    }
  }

  @Test
  void aBatchOverThePacketLimitIsSplit() {
    Route route = new Route(TestServers.postgres(), TestServers.mariaDb());
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(route.source(), "reading_src");
      DataSource target = databases.create(route.target(), "reading_dst");
      createReadings(source, "reading", route.source());
      createReadings(target, "reading_copy", route.target());
      long packet = Sql.query(target, "SELECT @@max_allowed_packet", rs -> rs.getLong(1)).get(0);
      int rows = (int) (packet / 1_000_000) + 4;
      String megabyte = "0123456789".repeat(100_000);
      Sql.batch(
          source,
          "INSERT INTO reading (id, body, changed_at) VALUES (?, ?, ?)",
          1,
          rows,
          n -> List.of(n, megabyte + n, T0));
      StatementLog targetSql = new StatementLog();

      engine(source, targetSql.wrap(target), new ReadingSync()).run("reading");

      long statements = targetSql.count(MultiRowUpsertTest::isReadingUpsert);
      assertTrue(statements > 1, rows + " rows of a megabyte in " + statements + " statements");
      assertSameReadings(source, target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void rowsSharingAKeyInOneBatchLeaveTheLastOfThem(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      // The source query gives key 2 three times and key 5 twice: a table without a key.
      Tickets tickets = new Tickets(route, databases, false);
      tickets.insert(1, 6, 1);
      Sql.execute(tickets.source, "INSERT INTO ticket (id, subject, changed_at) VALUES"
          + " (2, 'second', ?), (5, 'second', ?), (2, 'third', ?)",
          T0.plusSeconds(10), T0.plusSeconds(11), T0.plusSeconds(12));

      tickets.engine(new StatementLog()).run("ticket");

      assertEquals(
          List.of("1 ticket 1", "2 third", "3 ticket 3", "4 ticket 4", "5 second", "6 ticket 6"),
          Sql.query(tickets.target, "SELECT id, subject FROM ticket_copy ORDER BY id",
              rs -> rs.getLong(1) + " " + rs.getString(2)));
    }
  }

  private static boolean isReadingUpsert(String sql) {
    return sql.contains("reading_copy") && sql.contains("VALUES (?");
  }

  private static boolean isTicketUpsert(String sql) {
    return sql.contains("ticket_copy") && sql.contains("VALUES (?");
  }

  /** The ticket table on both sides of a route. */
  private static final class Tickets {
    final DataSource source;
    final DataSource target;

    Tickets(Route route, TestDatabases databases, boolean sourceKeyed) {
      source = databases.create(route.source(), "ticket_src");
      target = databases.create(route.target(), "ticket_dst");
      Sql.execute(source, create("ticket", route.source(), sourceKeyed));
      Sql.execute(target, create("ticket_copy", route.target(), true));
    }

    private static String create(String table, TestServer server, boolean keyed) {
      return "CREATE TABLE " + table + " (id BIGINT NOT NULL, subject VARCHAR(100),"
          + " changed_at " + server.timestampType() + " NOT NULL"
          + (keyed ? ", PRIMARY KEY (id))" : ")");
    }

    void insert(long from, long to, int perTime) {
      Sql.batch(
          source,
          "INSERT INTO ticket (id, subject, changed_at) VALUES (?, ?, ?)",
          from,
          to,
          n -> List.of(n, "ticket " + n, T0.plusSeconds(n / perTime)));
    }

    SyncEngine engine(StatementLog targetSql) {
      return MultiRowUpsertTest.engine(source, targetSql.wrap(target), new TicketSync());
    }

    void assertSame() {
      String select = "SELECT id, subject, changed_at FROM %s ORDER BY id";
      assertEquals(
          Sql.query(source, select.formatted("ticket"), MultiRowUpsertTest::row),
          Sql.query(target, select.formatted("ticket_copy"), MultiRowUpsertTest::row));
    }
  }

  private static SyncEngine engine(DataSource source, DataSource target, TableSync<?> sync) {
    return SyncEngine.builder()
        .dataSource("source", source)
        .dataSource("target", target)
        .table(sync)
        .snapshot(false)
        .build();
  }

  private static void createReadings(DataSource database, String table, TestServer server) {
    String text = server.product() == TestServer.Product.POSTGRESQL ? "TEXT" : "LONGTEXT";
    Sql.execute(database, "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, body " + text + ","
        + " changed_at " + server.timestampType() + " NOT NULL)");
  }

  private static void assertSameReadings(DataSource source, DataSource target) {
    String select = "SELECT id, body, changed_at FROM %s ORDER BY id";
    List<String> expected = Sql.query(source, select.formatted("reading"), MultiRowUpsertTest::row);
    List<String> actual = Sql.query(target, select.formatted("reading_copy"), MultiRowUpsertTest::row);
    assertEquals(expected.size(), actual.size(), "rows");
    assertTrue(expected.equals(actual), "the target holds what the source holds");
  }

  private static String row(ResultSet rs) throws SQLException {
    return rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getObject(3, LocalDateTime.class);
  }
}
