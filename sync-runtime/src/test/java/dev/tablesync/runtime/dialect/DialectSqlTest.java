package dev.tablesync.runtime.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.tables.StockLevel;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of every dialect, for a table with a two-column key. These are the only checks of
 * the MySQL 8 and SQL Server statements on machines without those servers.
 */
class DialectSqlTest {

  private static final TableSpec STOCK =
      TableSpec.builder("stock", StockLevel.class)
          .targetTable("wms.stock")
          .query("SELECT warehouse, sku, qty, updated_at FROM stock_level;\n")
          .batchSize(500)
          .key("warehouse", String.class)
          .key("sku", int.class)
          .column("qty", Integer.class)
          .cursor("updated_at", LocalDateTime.class)
          .build();

  private static final String AFTER =
      " >= ? AND (%1$s > ? OR (%1$s = ? AND %2$s > ?) OR (%1$s = ? AND %2$s = ? AND %3$s > ?))";

  private static final List<KeysetSelect.Parameter> AFTER_PARAMETERS =
      List.of(
          new KeysetSelect.PositionValue(0),
          new KeysetSelect.PositionValue(0),
          new KeysetSelect.PositionValue(0),
          new KeysetSelect.PositionValue(1),
          new KeysetSelect.PositionValue(0),
          new KeysetSelect.PositionValue(1),
          new KeysetSelect.PositionValue(2));

  @Test
  void mySqlFrom8019UpsertsWithARowAlias() {
    assertEquals(
        """
        INSERT INTO `wms`.`stock` (`warehouse`, `sku`, `qty`, `updated_at`)
        VALUES (?, ?, ?, ?) AS new
        ON DUPLICATE KEY UPDATE `qty` = new.`qty`, `updated_at` = new.`updated_at`""",
        new MySqlDialect(true).upsert(STOCK));
  }

  @Test
  void mariaDbAndOlderMySqlUpsertWithValues() {
    String expected =
        """
        INSERT INTO `wms`.`stock` (`warehouse`, `sku`, `qty`, `updated_at`)
        VALUES (?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE `qty` = VALUES(`qty`), `updated_at` = VALUES(`updated_at`)""";
    assertEquals(expected, new MySqlDialect(false).upsert(STOCK));
    assertEquals(expected, new MariaDbDialect().upsert(STOCK));
  }

  @Test
  void postgresUpsertsOnConflictOfTheKey() {
    assertEquals(
        """
        INSERT INTO "wms"."stock" ("warehouse", "sku", "qty", "updated_at")
        VALUES (?, ?, ?, ?)
        ON CONFLICT ("warehouse", "sku") DO UPDATE SET "qty" = EXCLUDED."qty", \
        "updated_at" = EXCLUDED."updated_at\"""",
        new PostgresDialect().upsert(STOCK));
  }

  @Test
  void sqlServerMergesUnderAKeyRangeLock() {
    assertEquals(
        """
        MERGE INTO [wms].[stock] WITH (HOLDLOCK) AS t
        USING (VALUES (?, ?, ?, ?)) AS s ([warehouse], [sku], [qty], [updated_at])
        ON t.[warehouse] = s.[warehouse] AND t.[sku] = s.[sku]
        WHEN MATCHED THEN UPDATE SET t.[qty] = s.[qty], t.[updated_at] = s.[updated_at]
        WHEN NOT MATCHED THEN INSERT ([warehouse], [sku], [qty], [updated_at]) VALUES \
        (s.[warehouse], s.[sku], s.[qty], s.[updated_at]);""",
        new SqlServerDialect().upsert(STOCK));
  }

  @Test
  void h2MergesOnTheKeyInTheCaseItStoresNames() {
    assertEquals(
        """
        MERGE INTO "WMS"."STOCK" ("WAREHOUSE", "SKU", "QTY", "UPDATED_AT")
        KEY ("WAREHOUSE", "SKU")
        VALUES (?, ?, ?, ?)""",
        new H2Dialect(StandardDialect.IdentifierCase.UPPER).upsert(STOCK));
  }

  @Test
  void keysetReadAfterAPositionComparesCursorThenEachKeyColumn() {
    KeysetSelect read = new PostgresDialect().keysetSelect(STOCK, true, false);
    String cursor = "q.\"updated_at\"";
    assertEquals(
        "SELECT q.\"warehouse\", q.\"sku\", q.\"qty\", q.\"updated_at\"\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE " + cursor + AFTER.formatted(cursor, "q.\"warehouse\"", "q.\"sku\"")
            + "\nORDER BY " + cursor + ", q.\"warehouse\", q.\"sku\"\nLIMIT ?",
        read.sql());
    List<KeysetSelect.Parameter> expected = new java.util.ArrayList<>(AFTER_PARAMETERS);
    expected.add(new KeysetSelect.Limit());
    assertEquals(expected, read.parameters());
  }

  @Test
  void firstReadSkipsRowsWithoutACursorAndALagBoundsTheCursor() {
    KeysetSelect read = new MariaDbDialect().keysetSelect(STOCK, false, true);
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`qty`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE q.`updated_at` IS NOT NULL AND q.`updated_at` <= ?\n"
            + "ORDER BY q.`updated_at`, q.`warehouse`, q.`sku`\nLIMIT ?",
        read.sql());
    assertEquals(List.of(new KeysetSelect.UpperBound(), new KeysetSelect.Limit()), read.parameters());
  }

  @Test
  void sqlServerPagesWithTopAndH2WithFetchFirst() {
    KeysetSelect top = new SqlServerDialect().keysetSelect(STOCK, true, false);
    assertTrue(top.sql().startsWith("SELECT TOP (?) q.[warehouse], q.[sku]"), top.sql());
    assertTrue(top.sql().endsWith("ORDER BY q.[updated_at], q.[warehouse], q.[sku]"), top.sql());
    assertEquals(new KeysetSelect.Limit(), top.parameters().get(0));

    KeysetSelect fetch =
        new H2Dialect(StandardDialect.IdentifierCase.UPPER).keysetSelect(STOCK, false, false);
    assertTrue(fetch.sql().endsWith("\nFETCH FIRST ? ROWS ONLY"), fetch.sql());
  }

  @Test
  void cursorRowsAreLockedForUpdateOrWithUpdLockOnSqlServer() {
    assertEquals(
        "SELECT cursor_value, key_value, rows_synced FROM `tablesync_cursor`"
            + " WHERE sync_name = ? FOR UPDATE",
        new MariaDbDialect().cursorTable("tablesync_cursor").lock());
    CursorTableSql sqlServer = new SqlServerDialect().cursorTable("tablesync_cursor");
    assertEquals(
        "SELECT cursor_value, key_value, rows_synced FROM [tablesync_cursor]"
            + " WITH (UPDLOCK, HOLDLOCK) WHERE sync_name = ?",
        sqlServer.lock());
    assertTrue(
        sqlServer.create().startsWith("IF OBJECT_ID(N'tablesync_cursor', N'U') IS NULL\nCREATE TABLE [tablesync_cursor] ("),
        sqlServer.create());
  }

  @Test
  void identifiersThatCouldCarrySqlAreRejected() {
    Dialect dialect = new PostgresDialect();
    for (String bad : List.of("a b", "x; DROP TABLE y", "t\"", "`t`", "", "a..b", "1abc")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> dialect.quote(bad), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }
}
