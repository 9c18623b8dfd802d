package dev.tablesync.runtime.status;

import dev.tablesync.runtime.dialect.RunTableSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The run table in a target: one row per sync with its last run, so that any process (another
 * node, the status command) can see how the last run went. The engine installs it when it is
 * built; this only reads and writes rows. Of the runs that find nothing new, one a minute is kept.
 */
public final class RunTable {

  /**
   * How often a table whose runs keep finding nothing records one of them: often enough for a
   * status view, seldom enough that a table polled every second does not write every second.
   */
  private static final Duration UNEVENTFUL_RUN_RECORD_INTERVAL = Duration.ofMinutes(1);

  private final DataSource target;
  private final RunTableSql sql;
  /** When each sync last recorded a run that found nothing, since its last eventful run. */
  private final Map<String, Instant> uneventfulRunsRecorded = new ConcurrentHashMap<>();

  /**
   * @param target the data source the table lives in
   * @param sql its statements, as the target's dialect renders them
   */
  public RunTable(DataSource target, RunTableSql sql) {
    this.target = target;
    this.sql = sql;
  }

  /**
   * Stores a run as its sync's last, counting failures in a row and keeping the latest error
   * across later successes; a run that found nothing is stored only if none was in the last
   * minute.
   */
  public void record(
      String name, String node, Instant started, Instant finished, long rowsWritten,
      String error) throws SQLException {
    boolean uneventful = rowsWritten == 0 && error == null;
    Instant lastRecorded = uneventfulRunsRecorded.get(name);
    if (uneventful && lastRecorded != null
        && lastRecorded.isAfter(finished.minus(UNEVENTFUL_RUN_RECORD_INTERVAL))) {
      return;
    }
    if (uneventful) {
      uneventfulRunsRecorded.put(name, finished);
    } else {
      uneventfulRunsRecorded.remove(name);
    }
    String errorText = error == null ? null : truncate(error);
    String finishedText = finished.toString();
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(true);
      int failed = error == null ? 0 : 1;
      try (PreparedStatement statement = connection.prepareStatement(sql.update())) {
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
      try (PreparedStatement statement = connection.prepareStatement(sql.insert())) {
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
      try (PreparedStatement statement = connection.prepareStatement(sql.read())) {
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

  private static RunRecord.Outcome outcome(String error) {
    return error == null ? RunRecord.Outcome.SUCCEEDED : RunRecord.Outcome.FAILED;
  }

  private static String truncate(String error) {
    int max = RunTableSql.MAX_ERROR_LENGTH;
    return error.length() <= max ? error : error.substring(0, max);
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
