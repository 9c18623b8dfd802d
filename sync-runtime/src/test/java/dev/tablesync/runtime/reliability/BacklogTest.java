package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BadRowException;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.StatementLog;
import dev.tablesync.runtime.testing.TestServer;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table far behind is caught up in chunks through the target's staged bulk path: a staging
 * table and one set-based upsert per chunk, which updates rows the target has as well as adding
 * new ones, each chunk one transaction with its stored position, a bad row in it found and named.
 */
class BacklogTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 9, 1, 6, 0, 0, 123_456_000);

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aNewTableAndThenAMassUpdateArriveInChunksThroughTheBulkPath(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 2_000, 10, T0);
      StatementLog targetSql = new StatementLog();
      SyncEngine engine = engine(items, targetSql);

      SyncResult first = engine.run("item");

      // Five batches of 100 read a chunk's worth; then three chunks of 500, and an empty read.
      assertEquals(2_000, first.rowsWritten());
      assertEquals(8, first.batches());
      assertEquals(5, SnapshotTest.upserts(targetSql, "item_copy"), "only the batches upserted");
      assertTrue(SnapshotTest.bulkLoads(route.target(), targetSql) >= 3, "each chunk loaded");
      items.assertSame("a new table in chunks");

      Sql.execute(items.source, "UPDATE item SET name = 'renamed', changed_at = ?", T0.plusDays(1));
      Sql.execute(items.source, "UPDATE item SET price = price + 1 WHERE id % 3 = 0");
      SyncResult massUpdate = engine.run("item");

      assertEquals(2_000, massUpdate.rowsWritten());
      assertEquals(10, SnapshotTest.upserts(targetSql, "item_copy"), "only the batches upserted");
      assertEquals(
          3 + (route.target().product() == TestServer.Product.POSTGRESQL ? 3 : 0),
          targetSql.count(sql -> sql.startsWith("INSERT INTO") && sql.contains("tablesync_stage")),
          "each chunk of known keys upserted from the staging table; new keys are loaded directly"
              + " into MySQL and MariaDB");
      items.assertSame("a mass update in chunks");
      assertEquals(0, engine.run("item").rowsRead(), "caught up");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aBadRowInAChunkFailsItNamingTheRowAndTheChunksBeforeItStay(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      Sql.execute(
          items.target,
          route.target().product() == TestServer.Product.POSTGRESQL
              ? "ALTER TABLE item_copy ALTER COLUMN name TYPE VARCHAR(10)"
              : "ALTER TABLE item_copy MODIFY name VARCHAR(10)");
      items.insertItems(1, 2_000, 10, T0);
      Sql.execute(items.source, "UPDATE item SET name = 'longer than ten' WHERE id = 1700");
      SyncEngine engine = engine(items, new StatementLog());

      BadRowException e = assertThrows(BadRowException.class, () -> engine.run("item"));

      assertEquals(List.of(1_700L), e.key());
      assertEquals("name", e.column());
      assertEquals(
          List.of(1_500L),
          items.storedPosition().map(Position::key).orElseThrow(),
          "the chunks before the bad row's are committed, the bad row's is not");
      items.assertCursorNotAhead("after a bad row in a chunk");
    }
  }

  private static SyncEngine engine(SyncedTable<Item> items, StatementLog targetSql) {
    return SyncEngine.builder()
        .dataSource("source", items.source)
        .dataSource("target", targetSql.wrap(items.target))
        .table(new ItemSync())
        .snapshot(false)
        .backlogChunkSize(500)
        .build();
  }
}
