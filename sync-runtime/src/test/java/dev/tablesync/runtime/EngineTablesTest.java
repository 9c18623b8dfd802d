package dev.tablesync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.status.TableStatus;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's own tables: installed when the engine is built, upgraded in place from the
 * tables of an earlier TableSync, checked without creating anything for accounts that may not,
 * and only read by status views and dead-letter lists.
 */
class EngineTablesTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 9, 30, 0, 250_000_000);

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void buildInstallsTheFourTablesSoThatRunsAndStatusOnlyWriteRows() {
    TestServer to = TestServers.mariaDb();
    DataSource source = itemSource();
    DataSource target = itemTarget(to);
    engine(source, target, true);
    assertEquals(
        List.of(
            "item_copy",
            "tablesync_cursor",
            "tablesync_dead_letter",
            "tablesync_reconcile",
            "tablesync_run"),
        Sql.query(target, "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() ORDER BY table_name", rs -> rs.getString(1)));
    assertEquals(0, count(target, "tablesync_cursor"), "a status view adds no cursor row");
  }

  @Test
  void aCursorTableOfAnEarlierVersionGetsItsSnapshotColumnsAndKeepsItsPositions() {
    for (TestServer to : List.of(TestServers.mariaDb(), TestServers.postgres())) {
      DataSource source = itemSource();
      DataSource target = itemTarget(to);
      // The cursor table as TableSync created it before snapshots, with a position stored.
      Sql.execute(target, "CREATE TABLE tablesync_cursor (sync_name VARCHAR(128) NOT NULL"
          + " PRIMARY KEY, cursor_value VARCHAR(1000), key_value VARCHAR(4000),"
          + " rows_synced BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL)");
      Sql.execute(target, "INSERT INTO tablesync_cursor VALUES ('item', ?, '100', 100,"
          + " CURRENT_TIMESTAMP)", T0.plusSeconds(99).toString());
      SyncEngine engine = engine(source, target, true);
      assertEquals(
          List.of(T0.plusSeconds(99) + "|100|null|null"),
          Sql.query(target, "SELECT cursor_value, key_value, snapshot_high_water, snapshot_key"
              + " FROM tablesync_cursor", rs -> rs.getString(1) + "|" + rs.getString(2) + "|"
              + rs.getString(3) + "|" + rs.getString(4)),
          to.product().toString());
      // Batches go on after the stored position: no snapshot copies rows 1 to 100 again.
      SyncResult run = engine.run("item");
      assertEquals(20, run.rowsWritten(), to.product().toString());
      assertEquals(
          List.of(101L, 120L),
          Sql.query(target, "SELECT MIN(id), MAX(id) FROM item_copy",
              rs -> List.of(rs.getLong(1), rs.getLong(2))).get(0),
          to.product().toString());
    }
  }

  @Test
  void withoutCreateTablesBuildFailsWithTheSqlToRunAndAcceptsTheTablesOnceTheyAreThere()
      throws SQLException {
    TestServer to = TestServers.postgres();
    DataSource source = itemSource();
    DataSource target = itemTarget(to);
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> engine(source, target, false));
    String message = missing.getMessage();
    assertTrue(message.startsWith("data source 'target' lacks the engine's tables"), message);
    assertTrue(message.contains("tablesync_cursor: create it"), message);
    assertTrue(message.contains("tablesync_run: create it"), message);
    assertTrue(message.contains("tablesync_reconcile: create it"), message);
    assertTrue(message.contains("tablesync_dead_letter: create it"), message);
    assertEquals(0, tableCount(target, "tablesync_%"), "a check creates nothing");

    // An administrator runs the SQL the message gives, statement by statement.
    String script = message.substring(message.indexOf(":\n") + 2);
    for (String statement : script.split(";\n")) {
      Sql.execute(target, statement.endsWith(";") ? statement.substring(0, statement.length() - 1)
          : statement);
    }
    engine(source, target, false).run("item");
    assertEquals(120, count(target, "item_copy"));
  }

  @Test
  void anAccountThatMayOnlyReadTheEngineTablesSeesStatusAndDeadLetters() throws SQLException {
    TestServer to = TestServers.postgres();
    DataSource source = itemSource();
    DataSource target = itemTarget(to);
    SyncEngine owner = engine(source, target, true);
    owner.run("item");
    long rowsSynced = owner.status("item").rowsSynced();
    String role = "monitor_" + ProcessHandle.current().pid();
    Sql.execute(target, "DROP ROLE IF EXISTS " + role);
    Sql.execute(target, "CREATE ROLE " + role + " LOGIN");
    Sql.execute(target, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    Sql.execute(target, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
    try (HikariDataSource monitor = asUser(target, role)) {
      // Built with createTables on, the default: the tables are there, so it creates nothing.
      SyncEngine observer = engine(source, monitor, true);
      TableStatus status = observer.status("item");
      assertEquals(rowsSynced, status.rowsSynced());
      assertEquals(T0.plusSeconds(119), status.cursor());
      assertEquals(List.of(), observer.deadLetters("item"));
      Sql.execute(source, "INSERT INTO item (id, name, price, changed_at) VALUES (121, 'new',"
          + " 1.21, ?)", T0.plusHours(1));
      SyncException write = assertThrows(SyncException.class, () -> observer.run("item"));
      assertTrue(write.getMessage().contains("permission denied"), write.getMessage());
    } finally {
      Sql.execute(target, "DROP OWNED BY " + role);
      Sql.execute(target, "DROP ROLE " + role);
    }
  }

  private DataSource itemSource() {
    TestServer from = TestServers.postgres();
    DataSource source = databases.create(from, "tables_src");
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + from.timestampType() + " NOT NULL,"
        + " deleted INT NOT NULL DEFAULT 0)");
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
        1, 120, id -> List.of(id, "item " + id, BigDecimal.valueOf(id, 2), T0.plusSeconds(id - 1)));
    return source;
  }

  private DataSource itemTarget(TestServer to) {
    DataSource target = databases.create(to, "tables_dst");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + to.timestampType() + " NOT NULL)");
    return target;
  }

  private static SyncEngine engine(DataSource source, DataSource target, boolean createTables) {
    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", source)
            .dataSource("target", target)
            .table(new ItemSync())
            .createTables(createTables)
            .build();
    engine.status("item");
    return engine;
  }

  private static long count(DataSource target, String table) {
    return Sql.query(target, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).get(0);
  }

  private static long tableCount(DataSource target, String pattern) {
    return Sql.query(target, "SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE table_schema = current_schema() AND table_name LIKE ?", rs -> rs.getLong(1),
        pattern).get(0);
  }

  /** A pool on {@code target}'s database that logs in as {@code user}. */
  private HikariDataSource asUser(DataSource target, String user) throws SQLException {
    String url;
    try (Connection connection = target.getConnection()) {
      url = connection.getMetaData().getURL();
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.replaceAll("([?&])user=[^&]*", "$1user=" + user)
        .replaceAll("([?&])password=[^&]*&?", "$1"));
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }
}
