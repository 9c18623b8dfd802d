package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.Specimen;
import dev.tablesync.runtime.tables.SpecimenSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.StatementLog;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table with no stored position is copied by a snapshot: chunks in key order through the
 * target's bulk path, then batches from the high-water mark, which pick up rows changed
 * meanwhile. Every route, both ways.
 */
class SnapshotTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 9, 1, 6, 0, 0, 123_456_000);

  static List<Route> routes() {
    return Route.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void chunksInKeyOrderThenBatchesFromTheHighWaterMark(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 1_000, 10, T0);
      // Key order and cursor order differ: every third item changed before all others.
      Sql.execute(items.source, "UPDATE item SET changed_at = ? WHERE id % 3 = 0", T0.minusDays(1));
      StatementLog targetSql = new StatementLog();
      Reports reports = new Reports();
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", items.source)
              .dataSource("target", targetSql.wrap(items.target))
              .table(new ItemSync())
              .snapshotChunkSize(300)
              .listener(reports)
              .build();

      SyncResult result = engine.run("item");

      LocalDateTime highWater = T0.plusSeconds(99);
      assertEquals(
          List.of("300 rows to key 300", "300 rows to key 600", "300 rows to key 900",
              "100 rows to key 1000, cursor " + highWater,
              "7 rows, cursor " + highWater),
          reports.lines(),
          "four chunks, then one batch of the items at the high-water mark not divisible by 3");
      assertEquals(1_007, result.rowsRead());
      assertEquals(highWater, result.cursor());
      assertEquals(List.of(1_000L), result.key());
      items.assertSame("after the snapshot");
      assertEquals(4, bulkLoads(route.target(), targetSql), "each chunk took the bulk path");
      assertEquals(1, upserts(targetSql, "item_copy"), "only the batch after the snapshot upserted");
      assertEquals(0, engine.run("item").rowsRead(), "caught up");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aSnapshotStoresWhatBatchedUpsertsStoreForEveryColumnType(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(route.source(), "specimen_src");
      DataSource bulkTarget = databases.create(route.target(), "specimen_bulk");
      DataSource upsertTarget = databases.create(route.target(), "specimen_upsert");
      Sql.execute(source, specimenTable("specimen", route.source()));
      Sql.execute(bulkTarget, specimenTable("specimen_copy", route.target()));
      Sql.execute(upsertTarget, specimenTable("specimen_copy", route.target()));
      Sql.batch(
          source,
          "INSERT INTO specimen (id, label, amount, ratio, weight, small, flag, born_on, opens_at,"
              + " seen_at, payload, code, kind, changed_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          1,
          60,
          SnapshotTest::specimen);
      StatementLog bulkSql = new StatementLog();

      specimenEngine(source, bulkSql.wrap(bulkTarget), true).run("specimen");
      specimenEngine(source, upsertTarget, false).run("specimen");

      List<String> original = specimens(source, "specimen");
      List<String> bulkLoaded = specimens(bulkTarget, "specimen_copy");
      Rows.assertSameRows(specimens(upsertTarget, "specimen_copy"), bulkLoaded);
      Rows.assertSameRows(original, bulkLoaded);
      assertEquals(4, bulkLoads(route.target(), bulkSql), "each chunk took the bulk path");
      assertEquals(1, upserts(bulkSql, "specimen_copy"), "only the batch after the snapshot upserted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void rowsChangedWhileTheSnapshotRunsArriveAfterTheHandOver(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 900, 10, T0);
      LocalDateTime highWater = T0.plusSeconds(89);
      LocalDateTime later = highWater.plusSeconds(5);
      SyncListener changeAfterTheFirstChunk =
          new SyncListener() {
            @Override
            public void batchCommitted(BatchReport batch) {
              if (batch.batch() != 1) {
                return;
              }
              // Copied already, and not yet copied; at the high-water mark, and after it.
              Sql.execute(items.source, "UPDATE item SET name = 'renamed', changed_at = ?"
                  + " WHERE id IN (5, 250, 700)", later);
              Sql.execute(items.source, "UPDATE item SET name = 'same time', changed_at = ?"
                  + " WHERE id IN (6, 701)", highWater);
              items.insertItems(901, 20, 10, later);
            }
          };
      SyncEngine engine =
          items
              .engine()
              .table(new ItemSync())
              .snapshotChunkSize(300)
              .listener(changeAfterTheFirstChunk)
              .build();

      engine.run("item");

      items.assertSame("after a snapshot with changes while it ran");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aTableResetByDeletingItsCursorRowIsSnapshotAgainOverItsRows(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 500, 10, T0);
      SyncEngine engine = items.engine().table(new ItemSync()).snapshotChunkSize(200).build();
      engine.run("item");
      Sql.execute(items.target, "UPDATE item_copy SET name = 'stale' WHERE id > 100");
      Sql.execute(items.source, "UPDATE item SET price = 1.25 WHERE id % 2 = 0");

      Sql.execute(
          items.target,
          "DELETE FROM " + SyncEngine.DEFAULT_CURSOR_TABLE + " WHERE sync_name = 'item'");
      SyncResult again = engine.run("item");

      assertTrue(again.rowsWritten() >= 500, "snapshot again: " + again);
      items.assertSame("after a reset");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void withSnapshotsOffATableIsCopiedByBatchesInCursorOrder(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 450, 10, T0);
      StatementLog targetSql = new StatementLog();
      Reports reports = new Reports();
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", items.source)
              .dataSource("target", targetSql.wrap(items.target))
              .table(new ItemSync())
              .snapshot(false)
              .listener(reports)
              .build();

      SyncResult result = engine.run("item");

      assertEquals(450, result.rowsRead());
      assertEquals(5, result.batches());
      assertEquals("100 rows, cursor " + T0.plusSeconds(9), reports.lines().get(0));
      assertTrue(reports.lines().stream().noneMatch(line -> line.contains("key")));
      assertEquals(0, bulkLoads(route.target(), targetSql), "no bulk path");
      assertEquals(5, upserts(targetSql, "item_copy"));
      items.assertSame("without a snapshot");
    }
  }

  /**
   * MySQL Connector/J sends a stream only with {@code allowLoadLocalInfile=true}; without it, or
   * when MariaDB Connector/J is told {@code allowLocalInfile=false}, chunks are upserted instead.
   */
  @Test
  void driversThatMayNotSendLocalDataGetChunksUpserted() {
    Route route = new Route(TestServers.postgres(), TestServers.mariaDb());
    Map<String, Boolean> bulkByUrl =
        Map.of(
            "jdbc:mysql:|&allowLoadLocalInfile=true", true,
            "jdbc:mysql:|", false,
            "jdbc:mariadb:|&allowLocalInfile=false", false);
    bulkByUrl.forEach(
        (url, bulk) -> {
          try (TestDatabases databases = new TestDatabases()) {
            SyncedTable<Item> items = SyncedTable.items(route, databases);
            items.insertItems(1, 500, 10, T0);
            String[] driverAndOptions = url.split("\\|", -1);
            DataSource target =
                databases.withUrl(
                    TestDatabases.url(items.target).replace("jdbc:mariadb:", driverAndOptions[0])
                        + driverAndOptions[1]);
            StatementLog targetSql = new StatementLog();
            SyncEngine engine =
                SyncEngine.builder()
                    .dataSource("source", items.source)
                    .dataSource("target", targetSql.wrap(target))
                    .table(new ItemSync())
                    .snapshotChunkSize(200)
                    .build();

            engine.run("item");

            items.assertSame(url);
            assertEquals(bulk ? 1 : 4, upserts(targetSql, "item_copy"), url);
          }
        });
  }

  /** Each committed batch, as a line: rows, the snapshot's key, the cursor. */
  static final class Reports implements SyncListener {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void batchCommitted(BatchReport batch) {
      List<String> parts = new ArrayList<>(List.of(batch.rows() + " rows"));
      if (batch.snapshotKey() != null) {
        parts.set(0, parts.get(0) + " to key " + batch.snapshotKey());
      }
      if (batch.cursor() != null) {
        parts.add("cursor " + batch.cursor());
      }
      lines.add(String.join(", ", parts));
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }

  /** The bulk loads a target ran: one LOAD DATA, or one staging table, per chunk. */
  static long bulkLoads(TestServer target, StatementLog log) {
    String bulk =
        target.product() == TestServer.Product.POSTGRESQL
            ? "CREATE TEMPORARY TABLE pg_temp.tablesync_stage"
            : "LOAD DATA LOCAL INFILE";
    return log.count(sql -> sql.startsWith(bulk));
  }

  /** The batched upserts into {@code table} that a target ran. */
  static long upserts(StatementLog log, String table) {
    return log.count(sql -> sql.contains(table) && sql.contains("VALUES (?"));
  }

  private static SyncEngine specimenEngine(DataSource source, DataSource target, boolean snapshot) {
    return SyncEngine.builder()
        .dataSource("source", source)
        .dataSource("target", target)
        .table(new SpecimenSync())
        .snapshot(snapshot)
        .snapshotChunkSize(16)
        .build();
  }

  private static String specimenTable(String name, TestServer server) {
    boolean postgres = server.product() == TestServer.Product.POSTGRESQL;
    return "CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, label VARCHAR(200),"
        + " amount DECIMAL(14,4), ratio " + (postgres ? "DOUBLE PRECISION" : "DOUBLE") + ","
        + " weight REAL, small SMALLINT, flag BOOLEAN, born_on DATE, opens_at TIME(6),"
        + " seen_at " + server.timestampType() + ", payload " + (postgres ? "BYTEA" : "VARBINARY(64)")
        + ", code CHAR(36), kind VARCHAR(20), changed_at " + server.timestampType() + " NOT NULL)"
        + (postgres ? "" : " CHARACTER SET utf8mb4");
  }

  /** Row {@code n}: every column NULL in some rows, and text and bytes that need escaping. */
  private static List<Object> specimen(long n) {
    int i = (int) n;
    String[] labels = {
      null, "", "tab\there", "line\nbreak\r\nand back", "back\\slash \\N \\t",
      "ünïcödé 漢字 😀 𝄞", "plain " + n
    };
    byte[][] payloads = {
      null, new byte[0], {0, 9, 10, 13, 92, 78, (byte) 0xff}, "text".getBytes(StandardCharsets.UTF_8)
    };
    Specimen.Kind[] kinds = Specimen.Kind.values();
    return Arrays.asList(
        n,
        labels[i % labels.length],
        i % 5 == 0 ? null : BigDecimal.valueOf(n * 123_457 * (i % 2 == 0 ? 1 : -1), 4),
        i % 6 == 0 ? null : i % 6 == 1 ? 1.0e20 : n / 7.0,
        i % 8 == 0 ? null : (float) (n / 3.0),
        i % 9 == 0 ? null : (short) (n * 517 % 30_000 - 15_000),
        i % 3 == 0 ? null : i % 2 == 0,
        i % 10 == 0 ? null : LocalDate.of(1900 + i, 1 + i % 12, 1 + i % 28),
        i % 11 == 0 ? null : LocalTime.of(i % 24, i % 60, 59 - i % 60, i * 1_001_000),
        i % 12 == 0 ? null : T0.plusSeconds(n * 3_601).plusNanos(n * 1_000),
        payloads[i % payloads.length],
        i % 13 == 0 ? null : UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString(),
        i % 5 == 0 ? null : kinds[i % kinds.length].name(),
        T0.plusSeconds(n / 4));
  }

  /** The rows as the generated reader reads them, each as text that shows byte arrays' content. */
  private static List<String> specimens(DataSource database, String table) {
    SpecimenSync sync = new SpecimenSync();
    return Sql.records(
            database,
            "SELECT id, label, amount, ratio, weight, small, flag, born_on, opens_at, seen_at,"
                + " payload, code, kind, changed_at FROM " + table + " ORDER BY id",
            sync)
        .stream()
        .map(row -> Arrays.deepToString(sync.values(row)))
        .toList();
  }
}
