package dev.tablesync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SyncEngine#reset}: the table's cursor row goes, its target rows stay, and the next run
 * copies it again by a snapshot, repairing rows changed in the target by hand.
 */
class ResetTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 6, 1, 12, 0, 0, 125_000_000);

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  static List<Route> routes() {
    return Route.everyProduct();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void theNextRunAfterAResetCopiesTheTableAgain(Route route) {
    DataSource source = databases.create(route.source(), "reset_src");
    DataSource target = databases.create(route.target(), "reset_dst");
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + route.source().timestampType() + " NOT NULL,"
        + " deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + route.target().timestampType() + " NOT NULL)");
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
        1, 150, id -> List.of(id, "item " + id, BigDecimal.valueOf(id, 1), T0.plusSeconds(id)));
    SyncEngine engine = SyncEngine.builder()
        .dataSource("source", source)
        .dataSource("target", target)
        .table(new ItemSync())
        .build();
    assertFalse(engine.reset("item"), "no stored position before the first run");

    engine.run("item");
    List<Long> firstCopy = cursorRows(target);
    Sql.execute(target, "UPDATE item_copy SET name = 'by hand' WHERE id <= 10");
    assertTrue(engine.reset("item"));
    assertEquals(List.of(), cursorRows(target));
    assertEquals(150, rows(target, "SELECT id FROM item_copy").size(), "the target's rows stay");

    SyncResult again = engine.run("item");
    assertTrue(again.batches() >= 1);
    assertEquals(
        rows(source, "SELECT id, name FROM item ORDER BY id"),
        rows(target, "SELECT id, name FROM item_copy ORDER BY id"));
    assertEquals(firstCopy, cursorRows(target), "a new row, counting one copy as the first did");
    assertThrows(IllegalArgumentException.class, () -> engine.reset("nope"));
  }

  private static List<Long> cursorRows(DataSource target) {
    return Sql.query(target, "SELECT rows_synced FROM tablesync_cursor WHERE sync_name = 'item'",
        rs -> rs.getLong(1));
  }

  private static List<String> rows(DataSource dataSource, String sql) {
    return Sql.query(dataSource, sql, rs -> rs.getMetaData().getColumnCount() == 1
        ? rs.getString(1) : rs.getString(1) + "|" + rs.getString(2));
  }
}
