package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.LaggedEventSync;
import dev.tablesync.runtime.tables.LaggedTicketSync;
import dev.tablesync.runtime.tables.Ticket;
import dev.tablesync.runtime.tables.TicketSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Incremental syncs that timestamp-based tools get wrong: ties across batches, late commits. */
class IncrementalSyncTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 7, 1, 6, 30, 0, 123_456_000);

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void tenThousandRowsOfOneChangeTimeAllArriveInBatchesOfAHundred(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 10_000, 10_000, T0);
      SyncEngine engine = items.engine().table(new ItemSync()).snapshot(false).build();

      SyncResult first = engine.run("item");

      assertEquals(10_000, first.rowsWritten());
      assertEquals(100, first.batches());
      items.assertSame("after the first run");

      Sql.execute(
          items.source,
          "UPDATE item SET name = ?, changed_at = ? WHERE id = 5000",
          "renamed",
          T0.plusNanos(1_000));
      SyncResult second = engine.run("item");

      assertEquals(1, second.rowsWritten());
      assertEquals(List.of(5_000L), second.key());
      items.assertSame("after a later update");
    }
  }

  /**
   * A source transaction holds a row whose change time, set by the source's clock, is older than
   * a row committed meanwhile. Read without a lag, that row moves the cursor past the late one,
   * which is then never read. Read two seconds behind the source clock, neither is read until
   * both are older than that, so both arrive.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aRowCommittedLateIsMissedWithoutALagAndArrivesWithOne(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(route.source(), "ticket_src");
      String clock =
          route.source().product() == TestServer.Product.POSTGRESQL
              ? "LOCALTIMESTAMP"
              : "CURRENT_TIMESTAMP(6)";
      Sql.execute(
          source,
          "CREATE TABLE ticket (id BIGINT PRIMARY KEY, subject VARCHAR(100),"
              + " changed_at " + route.source().timestampType() + " NOT NULL DEFAULT " + clock
              + ")");
      Sql.batch(
          source,
          "INSERT INTO ticket (id, subject, changed_at) VALUES (?, ?, ?)",
          1,
          5,
          id -> List.of(id, "old " + id, T0));
      TicketCopy withoutLag = new TicketCopy(databases, route, source, new TicketSync());
      TicketCopy withLag = new TicketCopy(databases, route, source, new LaggedTicketSync());

      try (Connection late = source.getConnection()) {
        late.setAutoCommit(false);
        try (PreparedStatement insert =
            late.prepareStatement("INSERT INTO ticket (id, subject) VALUES (100, 'late')")) {
          insert.executeUpdate();
        }
        Thread.sleep(20);
        Sql.execute(source, "INSERT INTO ticket (id, subject) VALUES (101, 'on time')");

        assertEquals(List.of(101L), withoutLag.run().key(), "the cursor passes the late row");
        assertEquals(List.of(5L), withLag.run().key(), "with the lag, new rows wait");
        late.commit();
      }
      LocalDateTime onTime = changedAt(source, 101);
      assertTrue(changedAt(source, 100).isBefore(onTime), "the late row's change time is older");
      LocalDateTime lagPassed = onTime.plusSeconds(2).plusNanos(100_000_000);
      while (Sql.query(source, "SELECT " + clock, rs -> rs.getObject(1, LocalDateTime.class))
          .get(0)
          .isBefore(lagPassed)) {
        Thread.sleep(100);
      }
      withoutLag.run();
      withLag.run();

      assertFalse(
          withoutLag.rows().stream().anyMatch(t -> t.id() == 100),
          "without a lag the late row is missed");
      Rows.assertSameRows(
          Sql.records(
              source,
              "SELECT id, subject, changed_at FROM ticket ORDER BY id", new TicketSync()),
          withLag.rows());
    }
  }

  /**
   * An instant cursor is bounded by the source clock in UTC, whatever the time zone of the
   * source's sessions (here fourteen hours ahead): a row written now waits out the lag, then
   * arrives.
   */
  @Test
  void theLagOfAnInstantCursorIsTakenInUtcWhateverTheSourceTimeZone() throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(TestServers.postgres(), "event_src");
      DataSource farEast = databases.withSessionSql(source, "SET TIME ZONE 'Pacific/Kiritimati'");
      DataSource target = databases.create(TestServers.postgres(), "event_dst");
      String columns = " (id BIGINT PRIMARY KEY, note VARCHAR(100), changed_at TIMESTAMPTZ";
      Sql.execute(
          source, "CREATE TABLE event" + columns + " NOT NULL DEFAULT CURRENT_TIMESTAMP)");
      Sql.execute(target, "CREATE TABLE event_copy" + columns + " NOT NULL)");
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", farEast)
              .dataSource("target", target)
              .table(new LaggedEventSync())
              .build();
      Sql.execute(source, "INSERT INTO event (id, note) VALUES (1, 'now')");

      assertEquals(0, engine.run("lagged_event").rowsWritten(), "a row of now waits out the lag");
      Thread.sleep(2_200);
      engine.run("lagged_event");
      assertEquals(
          List.of(1L),
          Sql.query(target, "SELECT COUNT(*) FROM event_copy", rs -> rs.getLong(1)),
          "then it arrives");
    }
  }

  /** A copy of the ticket table in a target of its own, with an engine that syncs it. */
  private static final class TicketCopy {
    private final DataSource target;
    private final SyncEngine engine;
    private final String sync;

    TicketCopy(TestDatabases databases, Route route, DataSource source, TableSync<?> table) {
      target = databases.create(route.target(), "ticket_dst");
      Sql.execute(
          target,
          "CREATE TABLE ticket_copy (id BIGINT PRIMARY KEY, subject VARCHAR(100),"
              + " changed_at " + route.target().timestampType() + " NOT NULL)");
      engine =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(table)
              .build();
      sync = table.spec().name();
    }

    SyncResult run() {
      return engine.run(sync);
    }

    List<Ticket> rows() {
      return Sql.records(
          target, "SELECT id, subject, changed_at FROM ticket_copy ORDER BY id", new TicketSync());
    }
  }

  private static LocalDateTime changedAt(DataSource source, long id) {
    return Sql.query(
            source,
            "SELECT changed_at FROM ticket WHERE id = ?",
            rs -> rs.getObject(1, LocalDateTime.class),
            id)
        .get(0);
  }
}
