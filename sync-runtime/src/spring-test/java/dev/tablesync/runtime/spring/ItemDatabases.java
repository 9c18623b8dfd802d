package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code item} table of the runtime's tests ({@code dev.tablesync.runtime.tables.Item}) in a
 * new database on the embedded MariaDB (the source) and its copy in a new one on the embedded
 * PostgreSQL (the target), with the checks the Spring tests make on them in SQL.
 */
final class ItemDatabases implements AutoCloseable {

  static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 9, 30, 0, 250_000_000);

  private final OpenDatabases databases = new OpenDatabases();
  private final TestServer from = TestServers.mariaDb();
  private final TestServer to = TestServers.postgres();
  final DataSource source = databases.create(from, "boot_src");
  final DataSource target = databases.create(to, "boot_dst");

  ItemDatabases() {
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + from.timestampType() + " NOT NULL,"
        + " deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + to.timestampType() + " NOT NULL)");
  }

  /** Items {@code fromId} to {@code toId}, changed at {@code changedAt}. */
  void insert(long fromId, long toId, LocalDateTime changedAt) {
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
        fromId, toId, id -> List.of(id, "item " + id, BigDecimal.valueOf(id * 7, 2), changedAt));
  }

  /** Rows in the target's copy. */
  long targetCount() {
    return Sql.query(target, "SELECT COUNT(*) FROM item_copy", rs -> rs.getLong(1)).get(0);
  }

  /** The rows synced that the target's cursor table holds for {@code item}, or -1 without a row. */
  long cursorRowsSynced() {
    List<Long> rows = Sql.query(target,
        "SELECT rows_synced FROM tablesync_cursor WHERE sync_name = 'item'", rs -> rs.getLong(1));
    return rows.isEmpty() ? -1 : rows.get(0);
  }

  /** The outcome of {@code item}'s last run in the target's run table, if a run was recorded. */
  List<String> lastRunOutcome() {
    boolean created = Sql.query(target, "SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE table_name = 'tablesync_run'", rs -> rs.getLong(1)).get(0) > 0;
    return created
        ? Sql.query(target, "SELECT outcome FROM tablesync_run WHERE sync_name = 'item'",
            rs -> rs.getString(1))
        : List.of();
  }

  /** Fails unless the target's copy equals the source's rows, column by column, read in SQL. */
  void assertTargetEqualsSource() {
    Rows.assertSameRows(
        rows(source, "SELECT id, name, price, changed_at FROM item WHERE deleted = 0 ORDER BY id"),
        rows(target, "SELECT id, name, price, changed_at FROM item_copy ORDER BY id"));
  }

  /** Fails unless the target holds exactly the source's rows up to {@code (cursor, key)}. */
  void assertTargetHoldsSourceUpTo(LocalDateTime cursor, long key) {
    Rows.assertSameRows(
        rows(source, "SELECT id, name, price, changed_at FROM item WHERE deleted = 0"
            + " AND (changed_at < ? OR (changed_at = ? AND id <= ?)) ORDER BY id",
            cursor, cursor, key),
        rows(target, "SELECT id, name, price, changed_at FROM item_copy ORDER BY id"));
  }

  private static List<String> rows(DataSource dataSource, String sql, Object... parameters) {
    return Sql.query(dataSource, sql,
        rs -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|"
            + rs.getObject(4, LocalDateTime.class),
        parameters);
  }

  /** The JDBC URL of a database, credentials included, for {@code tablesync.data-sources}. */
  static String url(DataSource dataSource) {
    return ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
  }

  @Override
  public void close() {
    databases.close();
  }
}
