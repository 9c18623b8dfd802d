package dev.tablesync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.StockLevel;
import dev.tablesync.runtime.tables.StockLevelSync;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full and incremental syncs in batches between real servers (MariaDB, PostgreSQL, H2 and any
 * named), with snapshots off, so that the first run too reads in cursor order; {@code
 * SnapshotTest} covers snapshots.
 */
class EngineSyncTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 8, 0, 0, 123_456_000);

  static List<Route> routes() {
    return Route.everyProduct();
  }

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  /** Source and target databases with the item tables, and an engine over them. */
  private final class ItemFixture {
    final DataSource source;
    final DataSource target;
    final SyncEngine engine;

    ItemFixture(Route route) {
      source = databases.create(route.source(), "item_src");
      target = databases.create(route.target(), "item_dst");
      Sql.execute(
          source,
          "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(12,2),"
              + " changed_at " + route.source().timestampType() + " NOT NULL,"
              + " deleted INT NOT NULL DEFAULT 0)");
      Sql.execute(
          target,
          "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(12,2),"
              + " changed_at " + route.target().timestampType() + " NOT NULL)");
      engine =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(new ItemSync())
              .snapshot(false)
              .build();
    }

    void insert(long fromId, long toId, LocalDateTime changedAt) {
      Sql.batch(
          source,
          "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
          fromId,
          toId,
          id -> List.of(id, "item " + id, BigDecimal.valueOf(id * 7, 2), changedAt));
    }

    List<Item> sourceRows() {
      return Sql.records(
          source,
          "SELECT id, name, price, changed_at FROM item WHERE deleted = 0 ORDER BY id", new ItemSync());
    }

    List<Item> targetRows() {
      return Sql.records(
          target, "SELECT id, name, price, changed_at FROM item_copy ORDER BY id", new ItemSync());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void fullSyncCopiesEveryRowAndStoresTheLastPosition(Route route) {
    ItemFixture fixture = new ItemFixture(route);
    for (int minute = 0; minute < 25; minute++) {
      fixture.insert(minute * 100L + 1, minute * 100L + 100, T0.plusMinutes(minute));
    }

    SyncResult result = fixture.engine.run("item");

    assertEquals(2_500, result.rowsRead());
    assertEquals(2_500, result.rowsWritten());
    assertEquals(25, result.batches());
    assertEquals(T0.plusMinutes(24), result.cursor());
    assertEquals(List.of(2_500L), result.key());
    Rows.assertSameRows(fixture.sourceRows(), fixture.targetRows());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void incrementalSyncMovesOnlyChangedAndNewRows(Route route) {
    ItemFixture fixture = new ItemFixture(route);
    fixture.insert(1, 1_000, T0);
    fixture.engine.run("item");

    LocalDateTime later = T0.plusSeconds(30).plusNanos(1_000);
    Sql.execute(
        fixture.source,
        "UPDATE item SET name = CONCAT('renamed ', name), changed_at = ? WHERE id BETWEEN 10 AND 19",
        later);
    fixture.insert(1_001, 1_005, later.plusNanos(1_000));
    SyncResult second = fixture.engine.run("item");

    assertEquals(15, second.rowsRead());
    Rows.assertSameRows(fixture.sourceRows(), fixture.targetRows());
    assertEquals("renamed item 15", fixture.targetRows().get(14).name());
    assertEquals(later.plusNanos(1_000), second.cursor());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void rowsSharingOneChangeTimeAcrossManyBatchesAllArrive(Route route) {
    ItemFixture fixture = new ItemFixture(route);
    fixture.insert(1, 1_050, T0);

    SyncResult result = fixture.engine.run("item");

    assertEquals(1_050, result.rowsRead());
    assertEquals(11, result.batches());
    Rows.assertSameRows(fixture.sourceRows(), fixture.targetRows());

    Sql.execute(fixture.source, "UPDATE item SET price = 1.23, changed_at = ? WHERE id = 7", T0);
    assertEquals(0, fixture.engine.run("item").rowsRead(), "a change at the cursor is not new");
    Sql.execute(
        fixture.source, "UPDATE item SET changed_at = ? WHERE id = 7", T0.plusNanos(1_000));
    assertEquals(1, fixture.engine.run("item").rowsRead());
    Rows.assertSameRows(fixture.sourceRows(), fixture.targetRows());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aRerunWithNoChangesReadsAndWritesNothing(Route route) {
    ItemFixture fixture = new ItemFixture(route);
    fixture.insert(1, 250, T0);
    SyncResult first = fixture.engine.run("item");

    SyncResult again = fixture.engine.run("item");

    assertEquals(0, again.rowsRead());
    assertEquals(0, again.batches());
    assertEquals(first.cursor(), again.cursor());
    assertEquals(first.key(), again.key());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aCompositeKeyBreaksTiesColumnByColumn(Route route) {
    DataSource source = databases.create(route.source(), "stock_src");
    DataSource target = databases.create(route.target(), "stock_dst");
    String columns = "warehouse VARCHAR(20) NOT NULL, sku INT NOT NULL, qty INT, updated_at ";
    Sql.execute(
        source,
        "CREATE TABLE stock_level (" + columns + route.source().timestampType()
            + ", PRIMARY KEY (warehouse, sku))");
    Sql.execute(
        target,
        "CREATE TABLE stock_level_copy (" + columns + route.target().timestampType()
            + ", PRIMARY KEY (warehouse, sku))");
    for (String warehouse : List.of("east", "north", "west")) {
      Sql.batch(
          source,
          "INSERT INTO stock_level (warehouse, sku, qty, updated_at) VALUES (?, ?, ?, ?)",
          1,
          70,
          sku -> java.util.Arrays.asList(warehouse, (int) sku, sku % 3 == 0 ? null : (int) sku, T0));
    }
    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", source)
            .dataSource("target", target)
            .table(new StockLevelSync())
            .snapshot(false)
            .build();

    SyncResult result = engine.run("stock_level");

    assertEquals(210, result.rowsRead());
    assertEquals(5, result.batches());
    assertEquals(List.of("west", 70), result.key());
    String select = "SELECT warehouse, sku, qty, updated_at FROM %s ORDER BY warehouse, sku";
    List<StockLevel> copied =
        Sql.records(target, select.formatted("stock_level_copy"), new StockLevelSync());
    Rows.assertSameRows(
        Sql.records(source, select.formatted("stock_level"), new StockLevelSync()),
        copied);
    assertTrue(copied.stream().anyMatch(s -> s.quantity() == null), "NULLs are copied as NULL");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void rowsFilteredOutByTheQueryAreNotCopied(Route route) {
    ItemFixture fixture = new ItemFixture(route);
    fixture.insert(1, 300, T0);
    Sql.execute(fixture.source, "UPDATE item SET deleted = 1 WHERE id > 200");

    fixture.engine.run("item");

    assertEquals(200, fixture.targetRows().size());
    Rows.assertSameRows(fixture.sourceRows(), fixture.targetRows());
  }

}
