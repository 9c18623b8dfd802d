package dev.tablesync.runtime.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.types.BytesCursor;
import dev.tablesync.runtime.types.BytesCursorSync;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server and MySQL statements, run on H2 in its SQL Server and MySQL modes: what no test
 * server here can run, executed as far as H2 reads it. H2 reads SQL Server's {@code TOP (?)},
 * brackets and table hints in a {@code SELECT}, and MySQL's {@code LIMIT} and {@code ON DUPLICATE
 * KEY UPDATE ... VALUES()}; it does not read a hint on {@code MERGE}, nor MySQL 8's row alias,
 * which only {@link DialectSqlTest} checks.
 */
public class CompatibilityModeTest { // public, for H2 to call minActiveRowVersion()

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** What {@code MIN_ACTIVE_ROWVERSION()} returns on H2: the oldest version still in flight. */
  private static volatile byte[] minActiveRowVersion;

  private static final TableSync<BytesCursor> SYNC = new BytesCursorSync();
  private static final TableSpec TABLE = SYNC.spec();
  private static final ColumnValues H2_VALUES = new StandardColumnValues();

  private final List<Connection> connections = new ArrayList<>();

  /** Called by H2 for {@code MIN_ACTIVE_ROWVERSION()}. */
  public static byte[] minActiveRowVersion() {
    return minActiveRowVersion;
  }

  @AfterEach
  void closeConnections() throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
  }

  @Test
  void sqlServerReadsARowVersionCursorInPagesBelowTheOldestVersionInFlight() throws SQLException {
    Connection h2 = h2("MSSQLServer;DATABASE_TO_UPPER=FALSE");
    execute(h2, "CREATE ALIAS MIN_ACTIVE_ROWVERSION FOR '" + getClass().getName()
        + ".minActiveRowVersion'");
    execute(h2, "CREATE TABLE bytes_cursor (id BIGINT PRIMARY KEY, label VARCHAR(20),"
        + " row_version BINARY(8) NOT NULL)");
    try (PreparedStatement insert =
        h2.prepareStatement("INSERT INTO bytes_cursor VALUES (?, ?, ?)")) {
      for (int id = 1; id <= 5; id++) {
        insert.setLong(1, id);
        insert.setString(2, "row " + id);
        insert.setBytes(3, version(id));
        insert.executeUpdate();
      }
    }
    SqlServerDialect sqlServer = new SqlServerDialect();
    // Version 4 is held by a transaction still open: rows 4 and 5 may have committed before it.
    minActiveRowVersion = version(4);

    List<Long> firstPage = read(h2, sqlServer.keysetSelect(TABLE, false, false), null, 0, 2);
    List<Long> rest = read(h2, sqlServer.keysetSelect(TABLE, true, false), version(2), 2, 2);

    assertEquals(List.of(1L, 2L), firstPage);
    assertEquals(List.of(3L), rest, "nothing at or above the oldest version in flight");
    minActiveRowVersion = version(6);
    assertEquals(
        List.of(4L, 5L), read(h2, sqlServer.keysetSelect(TABLE, true, false), version(3), 3, 9));
  }

  @Test
  void sqlServerLocksAndUpdatesTheCursorRow() throws SQLException {
    Connection h2 = h2("MSSQLServer;DATABASE_TO_UPPER=FALSE");
    CursorTableSql cursors = new SqlServerDialect().cursorTable("tablesync_cursor");
    // H2 has no IF OBJECT_ID(...): the table is created the standard way.
    execute(h2, new H2Dialect(StandardDialect.IdentifierCase.AS_WRITTEN)
        .cursorTable("tablesync_cursor").create());
    try (PreparedStatement insert = h2.prepareStatement(cursors.insert())) {
      insert.setString(1, "bytes_cursor");
      insert.executeUpdate();
    }
    try (PreparedStatement update = h2.prepareStatement(cursors.update())) {
      update.setString(1, "0000000000000002");
      update.setString(2, "2");
      update.setLong(3, 2);
      update.setString(4, "bytes_cursor");
      assertEquals(1, update.executeUpdate());
    }
    for (String lock : List.of(cursors.lock(), cursors.tryLock())) {
      try (PreparedStatement select = h2.prepareStatement(lock)) {
        select.setString(1, "bytes_cursor");
        try (ResultSet row = select.executeQuery()) {
          row.next();
          assertEquals("0000000000000002", row.getString(1), lock);
          assertEquals(2, row.getLong(3), lock);
        }
      }
    }
  }

  @Test
  void sqlServerMergeInsertsThenUpdatesOnH2WithoutItsLockHint() throws SQLException {
    Connection h2 = h2("MSSQLServer;DATABASE_TO_UPPER=FALSE");
    execute(h2, "CREATE TABLE bytes_cursor_copy (id BIGINT PRIMARY KEY, label VARCHAR(20),"
        + " row_version BINARY(8) NOT NULL)");
    String merge = new SqlServerDialect().upsert(TABLE);
    // The hint keeps two concurrent merges of one new key from both inserting; H2 cannot parse it.
    String mergeWithoutHint = merge.replace(" WITH (HOLDLOCK)", "");

    upsert(h2, mergeWithoutHint, new BytesCursor(1, "first", version(1)));
    upsert(h2, mergeWithoutHint, new BytesCursor(1, "second", version(2)));

    assertEquals(List.of("1 second 0000000000000002"), rows(h2));
  }

  @Test
  void mySqlBeforeRowAliasesAndMariaDbUpsertWithValuesAndPageWithLimit() throws SQLException {
    Connection h2 = h2("MySQL;DATABASE_TO_LOWER=TRUE");
    execute(h2, "CREATE TABLE bytes_cursor_copy (id BIGINT PRIMARY KEY, label VARCHAR(20),"
        + " row_version BINARY(8) NOT NULL)");
    for (Dialect dialect :
        List.of(
            new MySqlDialect(false, new MySqlColumnValues()),
            new MariaDbDialect(new MariaDbConnectorColumnValues()))) {
      execute(h2, "DELETE FROM bytes_cursor_copy");
      upsert(h2, dialect.upsert(TABLE), new BytesCursor(1, "first", version(1)));
      upsert(h2, dialect.upsert(TABLE), new BytesCursor(1, "second", version(2)));
      upsert(h2, dialect.upsert(TABLE), new BytesCursor(2, "third", version(3)));

      assertEquals(
          List.of("1 second 0000000000000002", "2 third 0000000000000003"), rows(h2));
    }
    execute(h2, "CREATE TABLE bytes_cursor (id BIGINT PRIMARY KEY, label VARCHAR(20),"
        + " row_version BINARY(8) NOT NULL)");
    execute(h2, "INSERT INTO bytes_cursor SELECT * FROM bytes_cursor_copy");
    MySqlDialect mySql8 = new MySqlDialect(true, new MySqlColumnValues());
    assertEquals(List.of(1L), read(h2, mySql8.keysetSelect(TABLE, false, false), null, 0, 1));
    assertEquals(
        List.of(2L), read(h2, mySql8.keysetSelect(TABLE, true, false), version(2), 1, 1));
  }

  /** A connection to a new in-memory H2 database in {@code mode} (with its settings). */
  private Connection h2(String mode) throws SQLException {
    Connection connection =
        DriverManager.getConnection(
            "jdbc:h2:mem:compatibility_" + DATABASES.incrementAndGet() + ";MODE=" + mode);
    connections.add(connection);
    return connection;
  }

  /**
   * Runs a keyset read of at most {@code limit} rows after the position ({@code afterVersion},
   * {@code afterId}), or from the start for a read without a position, and returns the ids read.
   */
  private static List<Long> read(
      Connection h2, KeysetSelect select, byte[] afterVersion, long afterId, int limit)
      throws SQLException {
    try (PreparedStatement statement = h2.prepareStatement(select.sql())) {
      int index = 1;
      for (KeysetSelect.Parameter parameter : select.parameters()) {
        if (parameter instanceof KeysetSelect.PositionValue value) {
          if (value.element() == 0) {
            statement.setBytes(index, afterVersion);
          } else {
            statement.setLong(index, afterId);
          }
        } else {
          statement.setInt(index, limit);
        }
        index++;
      }
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(SYNC.read(rs, H2_VALUES).id());
        }
      }
      return ids;
    }
  }

  private static void upsert(Connection h2, String sql, BytesCursor row) throws SQLException {
    try (PreparedStatement statement = h2.prepareStatement(sql)) {
      SYNC.bind(statement, row, H2_VALUES);
      statement.executeUpdate();
    }
  }

  private static List<String> rows(Connection h2) throws SQLException {
    List<String> rows = new ArrayList<>();
    String select = "SELECT id, label, row_version FROM bytes_cursor_copy ORDER BY id";
    try (Statement query = h2.createStatement();
        ResultSet rs = query.executeQuery(select)) {
      while (rs.next()) {
        String version = HexFormat.of().formatHex(rs.getBytes(3));
        rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + version);
      }
    }
    return rows;
  }

  private static void execute(Connection h2, String sql) throws SQLException {
    try (Statement statement = h2.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A version of eight bytes whose last is {@code last}. */
  private static byte[] version(int last) {
    byte[] version = new byte[8];
    version[7] = (byte) last;
    return version;
  }
}
