package dev.tablesync.runtime.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The run table in a target: one row per sync with its last run, so that any process (another
 * node, the status command) can see how the last run went. Created on first use. Times are
 * stored as ISO-8601 text in UTC and counts as plain numbers, which every product stores alike.
 */
public final class RunTable {

  private static final int MAX_ERROR_LENGTH = 2000;

  private final DataSource target;
  private final String table;
  private volatile String quoted;

  /**
   * @param target the data source the table lives in
   * @param table the table's name, checked and quoted by the target's dialect
   */
  public RunTable(DataSource target, String table) {
    this.target = target;
    this.table = table;
  }

  /**
   * Stores a run as its sync's last, counting failures in a row and keeping the latest error
   * across later successes.
   */
  public void record(
      String name, String node, Instant started, Instant finished, long rowsWritten,
      String error) throws SQLException {
    String errorText = error == null ? null : truncate(error);
    String finishedText = finished.toString();
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(true);
      String quotedTable = ensureTable(connection);
      // On success both factors are 0 and the count resets; on failure it goes up by one.
      int failed = error == null ? 0 : 1;
      String update =
          "UPDATE " + quotedTable + " SET node = ?, started_at = ?, finished_at = ?, outcome = ?,"
              + " rows_written = ?, failures_in_a_row = failures_in_a_row * ? + ?,"
              + " last_error = COALESCE(?, last_error), last_error_at = COALESCE(?, last_error_at)"
              + " WHERE sync_name = ?";
      try (PreparedStatement statement = connection.prepareStatement(update)) {
        statement.setString(1, node);
        statement.setString(2, started.toString());
        statement.setString(3, finishedText);
        statement.setString(4, outcome(error).name());
        statement.setLong(5, rowsWritten);
        statement.setInt(6, failed);
        statement.setInt(7, failed);
        setNullableString(statement, 8, errorText);
        setNullableString(statement, 9, error == null ? null : finishedText);
        statement.setString(10, name);
        if (statement.executeUpdate() == 1) {
          return;
        }
      }
      String insert =
          "INSERT INTO " + quotedTable + " (sync_name, node, started_at, finished_at, outcome,"
              + " rows_written, failures_in_a_row, last_error, last_error_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        statement.setString(1, name);
        statement.setString(2, node);
        statement.setString(3, started.toString());
        statement.setString(4, finishedText);
        statement.setString(5, outcome(error).name());
        statement.setLong(6, rowsWritten);
        statement.setInt(7, failed);
        setNullableString(statement, 8, errorText);
        setNullableString(statement, 9, error == null ? null : finishedText);
        statement.executeUpdate();
      }
    }
  }

  /** The sync's last run, if it ever ran against this target. */
  public Optional<RunRecord> read(String name) throws SQLException {
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(true);
      String select =
          "SELECT node, started_at, finished_at, outcome, rows_written, failures_in_a_row,"
              + " last_error, last_error_at FROM " + ensureTable(connection)
              + " WHERE sync_name = ?";
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        statement.setString(1, name);
        try (ResultSet row = statement.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          String lastErrorAt = row.getString(8);
          return Optional.of(
              new RunRecord(
                  name,
                  row.getString(1),
                  Instant.parse(row.getString(2)),
                  Instant.parse(row.getString(3)),
                  RunRecord.Outcome.valueOf(row.getString(4)),
                  row.getLong(5),
                  row.getInt(6),
                  row.getString(7),
                  lastErrorAt == null ? null : Instant.parse(lastErrorAt)));
        }
      }
    }
  }

  private String ensureTable(Connection connection) throws SQLException {
    if (quoted == null) {
      quoted =
          StatusTables.ensure(
              connection,
              table,
              "  sync_name VARCHAR(128) NOT NULL PRIMARY KEY,\n"
                  + "  node VARCHAR(200) NOT NULL,\n"
                  + "  started_at VARCHAR(40) NOT NULL,\n"
                  + "  finished_at VARCHAR(40) NOT NULL,\n"
                  + "  outcome VARCHAR(16) NOT NULL,\n"
                  + "  rows_written BIGINT NOT NULL,\n"
                  + "  failures_in_a_row INT NOT NULL,\n"
                  + "  last_error VARCHAR(" + MAX_ERROR_LENGTH + "),\n"
                  + "  last_error_at VARCHAR(40)\n");
    }
    return quoted;
  }

  private static RunRecord.Outcome outcome(String error) {
    return error == null ? RunRecord.Outcome.SUCCEEDED : RunRecord.Outcome.FAILED;
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  private static void setNullableString(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
