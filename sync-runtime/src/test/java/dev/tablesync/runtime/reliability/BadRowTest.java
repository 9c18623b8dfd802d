package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BadRowException;
import dev.tablesync.runtime.DeadLetter;
import dev.tablesync.runtime.DeadLetterRetry;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.tables.Part;
import dev.tablesync.runtime.tables.PartSync;
import dev.tablesync.runtime.tables.SalvagedPartSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad value fails its batch with an error naming the sync, the row's key, the column
 * and the cause, and leaves the cursor where it was; under the dead-letter policy the row is set
 * aside instead, listed, and written once a retry finds it fixed.
 */
class BadRowTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 6, 1, 9, 0, 0, 500_000_000);
  private static final LocalDateTime T1 = T0.plusHours(1);
  private static final long BAD_ID = 20;

  /** A value the target or the record cannot take, put into row {@value #BAD_ID}. */
  enum BadValue {
    NULL_FOR_A_PRIMITIVE("quantity", "UPDATE part SET quantity = ? WHERE id = ?", null, 5),
    STRING_TOO_LONG_FOR_THE_TARGET(
        "name", "UPDATE part SET name = ? WHERE id = ?", "a name of thirty characters...", "ok"),
    NUMBER_OUT_OF_THE_TARGETS_RANGE(
        "price",
        "UPDATE part SET price = ? WHERE id = ?",
        new BigDecimal("123456789.50"),
        new BigDecimal("9.99")),
    ZERO_DATE_FROM_MARIADB(
        "made_on", "UPDATE part SET made_on = ? WHERE id = ?", "0000-00-00", "2024-01-02"),
    NON_BMP_CHARACTER_INTO_UTF8MB3(
        "label", "UPDATE part SET label = ? WHERE id = ?", "rocket \uD83D\uDE80", "rocket");

    final String column;
    private final String update;
    private final Object bad;
    private final Object good;

    BadValue(String column, String update, Object bad, Object good) {
      this.column = column;
      this.update = update;
      this.bad = bad;
      this.good = good;
    }

    boolean appliesTo(Route route) {
      return switch (this) {
        case ZERO_DATE_FROM_MARIADB -> route.source().product() != TestServer.Product.POSTGRESQL;
        case NON_BMP_CHARACTER_INTO_UTF8MB3 ->
            route.target().product() != TestServer.Product.POSTGRESQL;
        default -> true;
      };
    }

    void breakRow(DataSource source) {
      Sql.execute(source, update, bad, BAD_ID);
    }

    void fixRow(DataSource source) {
      Sql.execute(source, update, good, BAD_ID);
    }
  }

  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    for (Route route : TestDatabases.crossingRoutes()) {
      for (BadValue value : BadValue.values()) {
        if (value.appliesTo(route)) {
          cases.add(Arguments.of(route, value));
        }
      }
    }
    return cases.stream();
  }

  /** The part tables on a route: the target's columns are narrower than the source's. */
  private static final class Parts {
    final DataSource source;
    final DataSource target;

    Parts(DataSource source, TestServer sourceServer, DataSource target, TestServer targetServer) {
      this.source = source;
      this.target = target;
      Sql.execute(
          source,
          "CREATE TABLE part (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(14,2),"
              + " quantity INT, made_on DATE, label VARCHAR(40),"
              + " changed_at " + sourceServer.timestampType() + " NOT NULL)");
      String legacyText =
          targetServer.product() == TestServer.Product.POSTGRESQL
              ? "VARCHAR(40)"
              : "VARCHAR(40) CHARACTER SET utf8mb3";
      Sql.execute(
          target,
          "CREATE TABLE part_copy (id BIGINT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2),"
              + " quantity INT NOT NULL, made_on DATE, label " + legacyText + ","
              + " changed_at " + targetServer.timestampType() + " NOT NULL)");
    }

    void insert(long from, long to, LocalDateTime changedAt) {
      Sql.batch(
          source,
          "INSERT INTO part (id, name, price, quantity, made_on, label, changed_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          from,
          to,
          id ->
              List.of(
                  id,
                  "part " + id,
                  BigDecimal.valueOf(id * 125, 2),
                  (int) id,
                  LocalDate.of(2024, 1, 1).plusDays(id),
                  "label " + id,
                  changedAt));
    }

    List<Part> sourceRows(String where) {
      return Sql.records(source, select("part", where), new PartSync());
    }

    List<Part> targetRows() {
      return Sql.records(target, select("part_copy", ""), new PartSync());
    }

    private static String select(String table, String where) {
      return "SELECT id, name, price, quantity, made_on, label, changed_at FROM " + table + where
          + " ORDER BY id";
    }

    /** The stored position of {@code sync}. */
    Position stored(String sync) {
      return Sql.query(
              target,
              "SELECT cursor_value, key_value FROM tablesync_cursor WHERE sync_name = ?",
              rs ->
                  Position.decode(
                      rs.getString(1), rs.getString(2), List.of(LocalDateTime.class, long.class)),
              sync)
          .get(0);
    }

    SyncEngine engine(SyncEngine.Builder builder) {
      return builder.dataSource("source", source).dataSource("target", target).build();
    }
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badValues")
  void aBadValueFailsItsBatchOrIsSetAsideAndRetried(Route route, BadValue value) {
    try (TestDatabases databases = new TestDatabases()) {
      Parts parts =
          new Parts(
              databases.create(route.source(), "part_src"),
              route.source(),
              databases.create(route.target(), "part_dst"),
              route.target());
      SyncEngine failing = parts.engine(SyncEngine.builder().table(new PartSync()).snapshot(false));
      parts.insert(1, 15, T0);
      failing.run("part");
      Position stored = parts.stored("part");

      parts.insert(16, 25, T1);
      value.breakRow(parts.source);
      BadRowException e = assertThrows(BadRowException.class, () -> failing.run("part"));

      assertEquals(List.of(BAD_ID), e.key());
      assertEquals(value.column, e.column());
      for (String named : List.of("part: ", "key [20]", "column " + value.column)) {
        assertTrue(e.getMessage().contains(named), named + " in " + e.getMessage());
      }
      assertEquals(stored, parts.stored("part"), "the cursor stays");
      assertEquals(15, parts.targetRows().size(), "the batch rolled back");

      SyncEngine salvaging =
          parts.engine(SyncEngine.builder().table(new SalvagedPartSync()).snapshot(false));
      SyncResult salvaged = salvaging.run("salvaged_part");
      assertEquals(24, salvaged.rowsWritten());
      assertEquals(1, salvaged.rowsDeadLettered());
      Rows.assertSameRows(parts.sourceRows(" WHERE id <> 20"), parts.targetRows());
      assertEquals(
          new Position(List.of(T1, 25L)),
          parts.stored("salvaged_part"),
          "the cursor moves past the row set aside");

      List<DeadLetter> letters = salvaging.deadLetters("salvaged_part");
      assertEquals(1, letters.size(), letters.toString());
      DeadLetter letter = letters.get(0);
      assertEquals(List.of(BAD_ID), letter.key());
      assertEquals(T1, letter.cursor());
      assertTrue(letter.error().startsWith("column " + value.column + ": "), letter.error());
      assertTrue(letter.row().startsWith("id=20, name="), letter.row());

      assertEquals(
          new DeadLetterRetry("salvaged_part", 0, 1, 0),
          salvaging.retryDeadLetters("salvaged_part"),
          "a retry of a row still bad keeps it");
      value.fixRow(parts.source);
      assertEquals(
          new DeadLetterRetry("salvaged_part", 1, 0, 0),
          salvaging.retryDeadLetters("salvaged_part"));
      assertEquals(List.of(), salvaging.deadLetters("salvaged_part"));
      Rows.assertSameRows(parts.sourceRows(""), parts.targetRows());
    }
  }

  /**
   * In a snapshot, the bulk load does not store a bad value (PostgreSQL's COPY fails; MySQL's and
   * MariaDB's LOAD DATA warns), so the chunk is upserted, which names the row: the chunk fails,
   * or the row is set aside and the rest written.
   */
  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badValues")
  void aBadValueFailsItsSnapshotChunkOrIsSetAside(Route route, BadValue value) {
    try (TestDatabases databases = new TestDatabases()) {
      Parts parts =
          new Parts(
              databases.create(route.source(), "part_src"),
              route.source(),
              databases.create(route.target(), "part_dst"),
              route.target());
      parts.insert(1, 25, T0);
      value.breakRow(parts.source);

      SyncEngine failing = parts.engine(SyncEngine.builder().table(new PartSync()));
      BadRowException e = assertThrows(BadRowException.class, () -> failing.run("part"));

      assertEquals(List.of(BAD_ID), e.key());
      assertEquals(value.column, e.column());
      assertEquals(0, parts.targetRows().size(), "the chunk rolled back");

      SyncEngine salvaging = parts.engine(SyncEngine.builder().table(new SalvagedPartSync()));
      salvaging.run("salvaged_part");
      Rows.assertSameRows(parts.sourceRows(" WHERE id <> 20"), parts.targetRows());
      List<DeadLetter> letters = salvaging.deadLetters("salvaged_part");
      assertEquals(1, letters.size(), letters.toString());
      assertEquals(List.of(BAD_ID), letters.get(0).key());
      assertTrue(
          letters.get(0).error().startsWith("column " + value.column + ": "),
          letters.get(0).error());
    }
  }

  /** The dead-letter table's SQL for H2, the embedded default, on a real (in-memory) H2. */
  @Test
  void onH2ARowTooLongIsSetAsideListedAndRetried() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:dead_letters;DB_CLOSE_DELAY=-1");
    Sql.execute(
        h2,
        "CREATE TABLE part (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(14,2),"
            + " quantity INT, made_on DATE, label VARCHAR(40), changed_at TIMESTAMP(6) NOT NULL)");
    Sql.execute(
        h2,
        "CREATE TABLE part_copy (id BIGINT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2),"
            + " quantity INT NOT NULL, made_on DATE, label VARCHAR(40),"
            + " changed_at TIMESTAMP(6) NOT NULL)");
    Sql.execute(
        h2,
        "INSERT INTO part VALUES (1, ?, 1.00, 1, NULL, NULL, ?), (2, 'ok', 2.00, 2, NULL, NULL, ?)",
        "a name longer than twenty characters",
        T0,
        T0);
    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", h2)
            .dataSource("target", h2)
            .table(new SalvagedPartSync())
            .snapshot(false)
            .build();

    assertEquals(1, engine.run("salvaged_part").rowsDeadLettered());
    List<DeadLetter> letters = engine.deadLetters("salvaged_part");
    assertEquals(List.of(1L), letters.get(0).key());
    assertTrue(letters.get(0).error().startsWith("column name: "), letters.get(0).error());

    Sql.execute(h2, "UPDATE part SET name = 'short' WHERE id = 1");
    assertEquals(
        new DeadLetterRetry("salvaged_part", 1, 0, 0), engine.retryDeadLetters("salvaged_part"));
    assertEquals(List.of(), engine.deadLetters("salvaged_part"));
  }

  /**
   * MySQL's own driver throws on a zero date (its default {@code zeroDateTimeBehavior}) where
   * MariaDB's reads it as NULL; the error is as clear either way.
   */
  @Test
  void aZeroDateReadByMySqlConnectorJNamesTheRowAndColumn() {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource mariaDb = databases.create(TestServers.mariaDb(), "part_src");
      Parts parts =
          new Parts(
              mariaDb,
              TestServers.mariaDb(),
              databases.create(TestServers.postgres(), "part_dst"),
              TestServers.postgres());
      parts.insert(1, 25, T0);
      BadValue.ZERO_DATE_FROM_MARIADB.breakRow(mariaDb);
      DataSource connectorJ =
          databases.withUrl(TestDatabases.url(mariaDb).replace("jdbc:mariadb:", "jdbc:mysql:"));
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", connectorJ)
              .dataSource("target", parts.target)
              .table(new PartSync())
              .snapshot(false)
              .build();

      BadRowException e = assertThrows(BadRowException.class, () -> engine.run("part"));

      assertEquals(List.of(BAD_ID), e.key());
      assertEquals("made_on", e.column());
      assertTrue(e.getMessage().contains("Zero date"), e.getMessage());
      assertEquals(10, parts.targetRows().size(), "the first batch committed, the second not");
    }
  }
}
