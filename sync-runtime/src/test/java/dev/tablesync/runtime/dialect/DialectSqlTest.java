package dev.tablesync.runtime.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.tables.StockLevel;
import dev.tablesync.runtime.types.BytesCursor;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
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

  private static final MariaDbDialect MARIADB =
      new MariaDbDialect(new MariaDbConnectorColumnValues());

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
        new MySqlDialect(true, new MySqlColumnValues()).upsert(STOCK));
  }

  @Test
  void mariaDbAndOlderMySqlUpsertWithValues() {
    String expected =
        """
        INSERT INTO `wms`.`stock` (`warehouse`, `sku`, `qty`, `updated_at`)
        VALUES (?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE `qty` = VALUES(`qty`), `updated_at` = VALUES(`updated_at`)""";
    assertEquals(expected, new MySqlDialect(false, new MySqlColumnValues()).upsert(STOCK));
    assertEquals(expected, MARIADB.upsert(STOCK));
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
  void everyDialectUpsertsManyRowsInOneStatement() {
    String rows = "VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)";
    assertEquals(
        """
        INSERT INTO `wms`.`stock` (`warehouse`, `sku`, `qty`, `updated_at`)
        %s AS new
        ON DUPLICATE KEY UPDATE `qty` = new.`qty`, `updated_at` = new.`updated_at`"""
            .formatted(rows),
        new MySqlDialect(true, new MySqlColumnValues()).upsert(STOCK, 3));
    assertEquals(
        MARIADB.upsert(STOCK).replace("VALUES (?, ?, ?, ?)\n", rows + "\n"),
        MARIADB.upsert(STOCK, 3));
    PostgresDialect postgres = new PostgresDialect();
    assertEquals(
        postgres.upsert(STOCK).replace("VALUES (?, ?, ?, ?)\n", rows + "\n"),
        postgres.upsert(STOCK, 3));
    SqlServerDialect sqlServer = new SqlServerDialect();
    assertEquals(
        sqlServer.upsert(STOCK).replace("(VALUES (?, ?, ?, ?))", "(" + rows + ")"),
        sqlServer.upsert(STOCK, 3));
    H2Dialect h2 = new H2Dialect(StandardDialect.IdentifierCase.UPPER);
    assertTrue(h2.upsert(STOCK, 3).endsWith("\n" + rows), h2.upsert(STOCK, 3));
    assertThrows(IllegalArgumentException.class, () -> postgres.upsert(STOCK, 0));
  }

  @Test
  void statementsStayWithinEachServersParameterLimit() {
    assertEquals(65_535, MARIADB.maxParameters());
    assertEquals(65_535, new PostgresDialect().maxParameters());
    assertEquals(2_100, new SqlServerDialect().maxParameters());
    assertTrue(MARIADB.undoesFailedStatements(), "InnoDB keeps the transaction");
    assertFalse(new PostgresDialect().undoesFailedStatements(), "PostgreSQL aborts it");
  }

  @Test
  void keysetReadAfterAPositionComparesCursorThenEachKeyColumn() {
    KeysetSelect read = MARIADB.keysetSelect(STOCK, true, false);
    String cursor = "q.`updated_at`";
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`qty`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE " + cursor + AFTER.formatted(cursor, "q.`warehouse`", "q.`sku`")
            + "\nORDER BY " + cursor + ", q.`warehouse`, q.`sku`\nLIMIT ?",
        read.sql());
    List<KeysetSelect.Parameter> expected = new java.util.ArrayList<>(AFTER_PARAMETERS);
    expected.add(new KeysetSelect.Limit());
    assertEquals(expected, read.parameters());
  }

  @Test
  void postgresReadsAfterAPositionWithRowValues() {
    KeysetSelect read = new PostgresDialect().keysetSelect(STOCK, true, true);
    assertEquals(
        "SELECT q.\"warehouse\", q.\"sku\", q.\"qty\", q.\"updated_at\"\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE (q.\"updated_at\", q.\"warehouse\", q.\"sku\") > (?, ?, ?)"
            + " AND q.\"updated_at\" <= ?\n"
            + "ORDER BY q.\"updated_at\", q.\"warehouse\", q.\"sku\"\nLIMIT ?",
        read.sql());
    assertEquals(
        List.of(
            new KeysetSelect.PositionValue(0),
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(2),
            new KeysetSelect.UpperBound(),
            new KeysetSelect.Limit()),
        read.parameters());
    KeysetSelect chunk = new PostgresDialect().snapshotSelect(STOCK, true);
    assertTrue(
        chunk.sql().contains(
            "WHERE q.\"updated_at\" IS NOT NULL AND (q.\"warehouse\", q.\"sku\") > (?, ?)\n"),
        chunk.sql());
  }

  @Test
  void firstReadSkipsRowsWithoutACursorAndALagBoundsTheCursor() {
    KeysetSelect read = MARIADB.keysetSelect(STOCK, false, true);
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
  void aSnapshotReadsInKeyOrderAfterTheLastKeyOfACompositeKey() {
    KeysetSelect next = MARIADB.snapshotSelect(STOCK, true);
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`qty`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE q.`updated_at` IS NOT NULL AND q.`warehouse` >= ?"
            + " AND (q.`warehouse` > ? OR (q.`warehouse` = ? AND q.`sku` > ?))\n"
            + "ORDER BY q.`warehouse`, q.`sku`\nLIMIT ?",
        next.sql());
    assertEquals(
        List.of(
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(2),
            new KeysetSelect.Limit()),
        next.parameters());

    KeysetSelect first = new SqlServerDialect().snapshotSelect(STOCK, false);
    assertEquals(
        "SELECT TOP (?) q.[warehouse], q.[sku], q.[qty], q.[updated_at]\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE q.[updated_at] IS NOT NULL\nORDER BY q.[warehouse], q.[sku]",
        first.sql());
    assertEquals(List.of(new KeysetSelect.Limit()), first.parameters());
  }

  @Test
  void aReconciliationReadsKeyRangesOnBothSidesAndRemovesByKey() {
    TableSpec marked =
        TableSpec.builder("stock", StockLevel.class)
            .targetTable("wms.stock")
            .query("SELECT warehouse, sku, qty, updated_at FROM stock_level;\n")
            .goneRows(dev.tablesync.annotations.GoneRowPolicy.MARK_TIME)
            .softDeleteColumn("gone_at")
            .key("warehouse", String.class)
            .key("sku", int.class)
            .column("qty", Integer.class)
            .cursor("updated_at", LocalDateTime.class)
            .build();
    PostgresDialect postgres = new PostgresDialect();
    // Key ranges take the form each planner range-scans, as keyset reads do.
    KeysetSelect rowValues = postgres.sourceKeyRange(STOCK, true, true);
    assertEquals(
        "SELECT q.\"warehouse\", q.\"sku\", q.\"updated_at\"\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE (q.\"warehouse\", q.\"sku\") > (?, ?)\n"
            + "ORDER BY q.\"warehouse\", q.\"sku\"\nLIMIT ?",
        rowValues.sql());
    assertEquals(
        List.of(
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(2),
            new KeysetSelect.Limit()),
        rowValues.parameters());
    KeysetSelect keys = MARIADB.sourceKeyRange(STOCK, true, true);
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE q.`warehouse` >= ?"
            + " AND (q.`warehouse` > ? OR (q.`warehouse` = ? AND q.`sku` > ?))\n"
            + "ORDER BY q.`warehouse`, q.`sku`\nLIMIT ?",
        keys.sql());
    assertEquals(
        List.of(
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(1),
            new KeysetSelect.PositionValue(2),
            new KeysetSelect.Limit()),
        keys.parameters());
    assertEquals(
        "SELECT TOP (?) t.[warehouse], t.[sku], t.[qty], t.[updated_at], t.[gone_at]\n"
            + "FROM [wms].[stock] t\nWHERE 1 = 1\nORDER BY t.[warehouse], t.[sku]",
        new SqlServerDialect().targetKeyRange(marked, false, false).sql());
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`qty`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE (q.`warehouse` = ? AND q.`sku` = ?) OR (q.`warehouse` = ? AND q.`sku` = ?)",
        MARIADB.keysSelect(STOCK, 2));
    assertEquals(
        "DELETE FROM \"wms\".\"stock\" WHERE \"warehouse\" = ? AND \"sku\" = ?",
        postgres.deleteByKey(STOCK));
    assertEquals(
        "UPDATE \"wms\".\"stock\" SET \"gone_at\" = CURRENT_TIMESTAMP"
            + " WHERE \"warehouse\" = ? AND \"sku\" = ?",
        postgres.softDelete(marked, true));
    assertEquals(
        "UPDATE [wms].[stock] SET [gone_at] = NULL WHERE [warehouse] = ? AND [sku] = ?",
        new SqlServerDialect().softDelete(marked, false));
  }

  @Test
  void aSnapshotHandsOverAtItsHighWaterMarkAndBatchesReadFromItsStart() {
    assertEquals(
        "SELECT MAX(q.`updated_at`)\nFROM (\nSELECT warehouse, sku, qty, updated_at FROM"
            + " stock_level\n) q\nWHERE q.`updated_at` <= ?",
        MARIADB.highWaterQuery(STOCK, true));
    KeysetSelect from = MARIADB.keysetSelectFromCursor(STOCK, true);
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`qty`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE q.`updated_at` >= ? AND q.`updated_at` <= ?\n"
            + "ORDER BY q.`updated_at`, q.`warehouse`, q.`sku`\nLIMIT ?",
        from.sql());
    assertEquals(
        List.of(
            new KeysetSelect.PositionValue(0), new KeysetSelect.UpperBound(), new KeysetSelect.Limit()),
        from.parameters());
  }

  @Test
  void aSnapshotKeepsItsHighWaterMarkAndKeyInTheCursorRowUntilAPositionIsStored() {
    CursorTableSql mariaDb = MARIADB.cursorTable("tablesync_cursor");
    assertEquals(
        "UPDATE `tablesync_cursor` SET snapshot_high_water = ?, snapshot_key = ?,"
            + " rows_synced = rows_synced + ?, updated_at = CURRENT_TIMESTAMP WHERE sync_name = ?",
        mariaDb.updateSnapshot());
    assertEquals(
        "UPDATE `tablesync_cursor` SET cursor_value = ?, key_value = ?, snapshot_high_water = NULL,"
            + " snapshot_key = NULL, rows_synced = rows_synced + ?,"
            + " updated_at = CURRENT_TIMESTAMP WHERE sync_name = ?",
        mariaDb.update());
    assertEquals(
        "ALTER TABLE `tablesync_cursor` ADD COLUMN snapshot_high_water VARCHAR(1000),"
            + " ADD COLUMN snapshot_key VARCHAR(4000)",
        mariaDb.addSnapshotColumns());
    assertEquals(
        "ALTER TABLE [tablesync_cursor] ADD snapshot_high_water VARCHAR(1000),"
            + " snapshot_key VARCHAR(4000)",
        new SqlServerDialect().cursorTable("tablesync_cursor").addSnapshotColumns());
    assertEquals(
        "ALTER TABLE \"TABLESYNC_CURSOR\" ADD COLUMN (snapshot_high_water VARCHAR(1000),"
            + " snapshot_key VARCHAR(4000))",
        new H2Dialect(StandardDialect.IdentifierCase.UPPER)
            .cursorTable("tablesync_cursor")
            .addSnapshotColumns());
  }

  @Test
  void onlyMySqlMariaDbAndPostgresHaveBulkPathsAndNotForInstants() {
    assertTrue(new MySqlDialect(true, new MySqlColumnValues()).bulkLoader(STOCK).isPresent());
    assertTrue(MARIADB.bulkLoader(STOCK).isPresent());
    assertTrue(new PostgresDialect().bulkLoader(STOCK).isPresent());
    assertTrue(new SqlServerDialect().bulkLoader(STOCK).isEmpty());
    assertTrue(new H2Dialect(StandardDialect.IdentifierCase.UPPER).bulkLoader(STOCK).isEmpty());
    TableSpec instants =
        TableSpec.builder("event", StockLevel.class)
            .targetTable("event")
            .query("SELECT id, at FROM event")
            .key("id", long.class)
            .cursor("at", java.time.Instant.class)
            .build();
    assertTrue(MARIADB.bulkLoader(instants).isEmpty());
    assertTrue(new PostgresDialect().bulkLoader(instants).isEmpty());
  }

  @Test
  void aRowVersionCursorOnSqlServerIsReadOnlyBelowTheOldestVersionInFlight() {
    TableSpec versioned =
        TableSpec.builder("bytes_cursor", BytesCursor.class)
            .targetTable("bytes_cursor_copy")
            .query("SELECT id, label, row_version FROM dbo.bytes_cursor")
            .batchSize(100)
            .key("id", long.class)
            .column("label", String.class)
            .cursor("row_version", byte[].class)
            .build();
    KeysetSelect next = new SqlServerDialect().keysetSelect(versioned, true, false);
    assertEquals(
        "SELECT TOP (?) q.[id], q.[label], q.[row_version]\n"
            + "FROM (\nSELECT id, label, row_version FROM dbo.bytes_cursor\n) q\n"
            + "WHERE q.[row_version] >= ? AND (q.[row_version] > ?"
            + " OR (q.[row_version] = ? AND q.[id] > ?))"
            + " AND q.[row_version] < MIN_ACTIVE_ROWVERSION()\n"
            + "ORDER BY q.[row_version], q.[id]",
        next.sql());
    String first = new SqlServerDialect().keysetSelect(versioned, false, false).sql();
    assertTrue(
        first.contains(
            "WHERE q.[row_version] IS NOT NULL AND q.[row_version] < MIN_ACTIVE_ROWVERSION()"),
        first);
    String timeCursor = new SqlServerDialect().keysetSelect(STOCK, true, false).sql();
    assertFalse(timeCursor.contains("ROWVERSION"), timeCursor);
    assertFalse(MARIADB.keysetSelect(versioned, true, false).sql().contains("ROWVERSION"));
  }

  @Test
  void cursorRowsAreLockedForUpdateOrWithUpdLockOnSqlServer() {
    assertEquals(
        "SELECT cursor_value, key_value, rows_synced, snapshot_high_water, snapshot_key"
            + " FROM `tablesync_cursor` WHERE sync_name = ? FOR UPDATE",
        MARIADB.cursorTable("tablesync_cursor").lock());
    CursorTableSql sqlServer = new SqlServerDialect().cursorTable("tablesync_cursor");
    assertEquals(
        "SELECT cursor_value, key_value, rows_synced, snapshot_high_water, snapshot_key FROM"
            + " [tablesync_cursor] WITH (UPDLOCK, HOLDLOCK) WHERE sync_name = ?",
        sqlServer.lock());
    assertTrue(
        sqlServer.create().startsWith("IF OBJECT_ID(N'tablesync_cursor', N'U') IS NULL\nCREATE TABLE [tablesync_cursor] ("),
        sqlServer.create());
  }

  @Test
  void aBusyCursorRowIsSkippedWithSkipLockedOrReadPast() {
    assertEquals(
        "SELECT cursor_value, key_value, rows_synced, snapshot_high_water, snapshot_key FROM"
            + " \"tablesync_cursor\" WHERE sync_name = ? FOR UPDATE SKIP LOCKED",
        new PostgresDialect().cursorTable("tablesync_cursor").tryLock());
    assertEquals(
        "SELECT cursor_value, key_value, rows_synced, snapshot_high_water, snapshot_key FROM"
            + " [tablesync_cursor] WITH (UPDLOCK, ROWLOCK, READPAST) WHERE sync_name = ?",
        new SqlServerDialect().cursorTable("tablesync_cursor").tryLock());
  }

  @Test
  void aRowIsReadAgainByItsKeyForARetry() {
    assertEquals(
        "SELECT q.`warehouse`, q.`sku`, q.`qty`, q.`updated_at`\n"
            + "FROM (\nSELECT warehouse, sku, qty, updated_at FROM stock_level\n) q\n"
            + "WHERE q.`warehouse` = ? AND q.`sku` = ?",
        MARIADB.keyedSelect(STOCK));
  }

  @Test
  void deadLettersAreKeptOnePerSyncAndKey() {
    DeadLetterSql postgres = new PostgresDialect().deadLetterTable("tablesync_dead_letter");
    assertEquals(
        """
        CREATE TABLE IF NOT EXISTS "tablesync_dead_letter" (
          sync_name VARCHAR(128) NOT NULL,
          key_value VARCHAR(500) NOT NULL,
          cursor_value VARCHAR(1000) NOT NULL,
          error VARCHAR(4000) NOT NULL,
          row_text TEXT NOT NULL,
          failed_at TIMESTAMP NOT NULL,
          PRIMARY KEY (sync_name, key_value)
        )""",
        postgres.create());
    assertEquals(
        "DELETE FROM \"tablesync_dead_letter\" WHERE sync_name = ? AND key_value = ?",
        postgres.delete());
    String sqlServer = new SqlServerDialect().deadLetterTable("tablesync_dead_letter").create();
    assertTrue(
        sqlServer.startsWith(
            "IF OBJECT_ID(N'tablesync_dead_letter', N'U') IS NULL\n"
                + "CREATE TABLE [tablesync_dead_letter] ("),
        sqlServer);
    assertTrue(sqlServer.contains("row_text NVARCHAR(MAX) NOT NULL"), sqlServer);
  }

  @Test
  void errorsAreTransientByStateOrVendorCodeAndBadDataByState() {
    Dialect mariaDb = MARIADB;
    assertEquals(ErrorKind.TRANSIENT, mariaDb.classify(error("HY000", 1205)), "lock wait timeout");
    assertEquals(ErrorKind.TRANSIENT, mariaDb.classify(error("40001", 1213)), "deadlock");
    assertEquals(
        ErrorKind.TRANSIENT,
        mariaDb.classify(new SQLNonTransientConnectionException("Socket error", "08000", -1)),
        "lost connection");
    assertEquals(ErrorKind.BAD_DATA, mariaDb.classify(error("22001", 1406)), "too long");
    assertEquals(ErrorKind.BAD_DATA, mariaDb.classify(error("22007", 1366)), "bad string value");
    assertEquals(ErrorKind.OTHER, mariaDb.classify(error("42S02", 1146)), "no such table");
    BatchUpdateException batch =
        new BatchUpdateException("batch failed", null, 0, new int[0], error("22003", 1264));
    assertEquals(
        ErrorKind.BAD_DATA,
        mariaDb.classify(batch),
        "a batch failing on an out-of-range value, whose own state says nothing");

    Dialect postgres = new PostgresDialect();
    assertEquals(ErrorKind.TRANSIENT, postgres.classify(error("55P03", 0)), "lock timeout");
    assertEquals(ErrorKind.TRANSIENT, postgres.classify(error("57P01", 0)), "terminated");
    assertEquals(ErrorKind.TRANSIENT, postgres.classify(error("40P01", 0)), "deadlock");
    assertEquals(ErrorKind.OTHER, postgres.classify(error("HY000", 1205)), "a MySQL code");
    assertEquals(ErrorKind.BAD_DATA, postgres.classify(error("23502", 0)), "NULL into NOT NULL");
    assertEquals(ErrorKind.OTHER, postgres.classify(new SQLException("no state")));

    assertEquals(ErrorKind.TRANSIENT, new SqlServerDialect().classify(error("S0001", 1222)));
    assertEquals(
        ErrorKind.TRANSIENT,
        new H2Dialect(StandardDialect.IdentifierCase.UPPER).classify(error("HYT00", 50200)));
  }

  private static SQLException error(String state, int code) {
    return new SQLException("error " + code, state, code);
  }

  @Test
  void instantCursorsAreBoundedByTheClockInUtc() {
    assertEquals("SELECT UTC_TIMESTAMP(6)", MARIADB.currentUtcTimestampQuery());
    assertEquals("SELECT SYSUTCDATETIME()", new SqlServerDialect().currentUtcTimestampQuery());
    assertEquals(
        "SELECT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)",
        new H2Dialect(StandardDialect.IdentifierCase.UPPER).currentUtcTimestampQuery());
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
  @Test
  void theEngineTablesAreCreatedUnlessTheyExistAndProbedByTheirColumns() {
    RunTableSql mariaDb = MARIADB.runTable("tablesync_run");
    assertTrue(
        mariaDb.create().startsWith("CREATE TABLE IF NOT EXISTS `tablesync_run` (\n"
            + "  sync_name VARCHAR(128) NOT NULL PRIMARY KEY,\n"),
        mariaDb.create());
    assertEquals(
        "SELECT sync_name, node, started_at, finished_at, outcome, rows_written,"
            + " failures_in_a_row, last_error, last_error_at FROM `tablesync_run` WHERE 1 = 0",
        mariaDb.probe());
    RunTableSql sqlServer = new SqlServerDialect().runTable("tablesync_run");
    assertTrue(
        sqlServer.create().startsWith(
            "IF OBJECT_ID(N'tablesync_run', N'U') IS NULL\nCREATE TABLE [tablesync_run] (\n"),
        sqlServer.create());
    DeadLetterSql deadLetters = new SqlServerDialect().deadLetterTable("tablesync_dead_letter");
    assertTrue(
        deadLetters.create().startsWith("IF OBJECT_ID(N'tablesync_dead_letter', N'U') IS NULL\n"
            + "CREATE TABLE [tablesync_dead_letter] ("),
        deadLetters.create());
    assertTrue(deadLetters.create().contains("  row_text NVARCHAR(MAX) NOT NULL,\n"));
    assertEquals(
        "SELECT snapshot_high_water, snapshot_key FROM \"tablesync_cursor\" WHERE 1 = 0",
        new PostgresDialect().cursorTable("tablesync_cursor").probeSnapshotColumns());
  }

  @Test
  void anUpsertOfATableThatMarksGoneRowsClearsTheMark() {
    TableSpec flagged =
        TableSpec.builder("stock", StockLevel.class)
            .targetTable("stock")
            .query("SELECT warehouse, sku, qty, updated_at FROM stock_level")
            .goneRows(dev.tablesync.annotations.GoneRowPolicy.MARK_FLAG)
            .softDeleteColumn("is_gone")
            .key("warehouse", String.class)
            .key("sku", int.class)
            .column("qty", Integer.class)
            .cursor("updated_at", LocalDateTime.class)
            .build();
    assertTrue(
        MARIADB.upsert(flagged, 1).endsWith(
            "`updated_at` = VALUES(`updated_at`), `is_gone` = FALSE"),
        MARIADB.upsert(flagged, 1));
    assertTrue(
        new PostgresDialect().upsert(flagged, 2).endsWith(
            "\"updated_at\" = EXCLUDED.\"updated_at\", \"is_gone\" = FALSE"),
        new PostgresDialect().upsert(flagged, 2));
    assertTrue(
        new SqlServerDialect().upsert(flagged, 1).contains(
            "t.[updated_at] = s.[updated_at], t.[is_gone] = 0\nWHEN NOT MATCHED"),
        new SqlServerDialect().upsert(flagged, 1));
    assertEquals(
        "MERGE INTO \"STOCK\" (\"WAREHOUSE\", \"SKU\", \"QTY\", \"UPDATED_AT\", \"IS_GONE\")\n"
            + "KEY (\"WAREHOUSE\", \"SKU\")\nVALUES (?, ?, ?, ?, FALSE), (?, ?, ?, ?, FALSE)",
        new H2Dialect(StandardDialect.IdentifierCase.UPPER).upsert(flagged, 2));
    assertFalse(MARIADB.upsert(STOCK, 1).contains("gone"), "a table that keeps gone rows");
  }
}
