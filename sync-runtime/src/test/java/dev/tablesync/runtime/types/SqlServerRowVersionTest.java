package dev.tablesync.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a SQL Server named by {@code TABLESYNC_TEST_SQLSERVER_URL} (skipped without one): a row
 * whose transaction commits after a younger row's is still read, with no lag, since reads of a
 * {@code rowversion} cursor stop below {@code MIN_ACTIVE_ROWVERSION()}.
 */
class SqlServerRowVersionTest {

  private static final BytesCursorSync SYNC = new BytesCursorSync();

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void aRowCommittedLateIsReadOnceItCommits() throws Exception {
    TestServer sqlServer =
        TestServers.external().stream()
            .filter(s -> s.product() == TestServer.Product.SQLSERVER)
            .findFirst()
            .orElse(null);
    assumeTrue(sqlServer != null, "TABLESYNC_TEST_SQLSERVER_URL names no SQL Server");
    DataSource source = databases.create(sqlServer, "rowversion_src");
    // Readers see the last committed rows instead of waiting for open transactions, as on Azure
    // SQL by default: without the bound, a read would pass the open transaction's row by.
    Sql.execute(
        source, "ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE");
    Sql.execute(
        source,
        "CREATE TABLE bytes_cursor (id BIGINT NOT NULL PRIMARY KEY, label NVARCHAR(200),"
            + " row_version ROWVERSION NOT NULL)");
    DataSource target = databases.create(TestServers.mariaDb(), "rowversion_dst");
    Sql.execute(
        target,
        SyncedTables.createTable(
            "bytes_cursor_copy",
            SYNC,
            TestServer.Product.MARIADB,
            (column, javaType) ->
                javaType == byte[].class ? "byte[] cursor" : SyncedTables.typeName(javaType)));
    SyncEngine engine =
        SyncEngine.builder().dataSource("source", source).dataSource("target", target)
            .table(SYNC).build();
    String insert = "INSERT INTO bytes_cursor (id, label) VALUES (?, ?)";
    Sql.execute(source, insert, 1L, "committed first");

    try (Connection late = source.getConnection()) {
      late.setAutoCommit(false);
      try (PreparedStatement statement = late.prepareStatement(insert)) {
        statement.setLong(1, 2);
        statement.setString(2, "committed last");
        statement.executeUpdate();
      }
      Sql.execute(source, insert, 3L, "committed second");

      assertEquals(
          1,
          engine.run("bytes_cursor").rowsRead(),
          "row 3 waits while row 2, of an older version, may still commit");
      late.commit();
    }

    assertEquals(2, engine.run("bytes_cursor").rowsRead());
    assertEquals(
        List.of(1L, 2L, 3L),
        SyncedTables.rows(target, "bytes_cursor_copy", SYNC, "id").stream()
            .map(BytesCursor::id)
            .toList());
  }
}
