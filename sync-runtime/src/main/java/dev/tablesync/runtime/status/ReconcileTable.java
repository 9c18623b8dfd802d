package dev.tablesync.runtime.status;

import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.dialect.ReconcileTableSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reconcile table in a target: one row per sync with its last reconciliation, what it found
 * and did, so that any process can see it. The engine installs it when it is built; this only
 * reads and writes rows.
 */
public final class ReconcileTable {

  private final DataSource target;
  private final ReconcileTableSql sql;

  /**
   * @param target the data source the table lives in
   * @param sql its statements, as the target's dialect renders them
   */
  public ReconcileTable(DataSource target, ReconcileTableSql sql) {
    this.target = target;
    this.sql = sql;
  }

  /** Stores a reconciliation as its sync's last; {@code found} is null when it failed early. */
  public void record(
      String name,
      String node,
      Instant started,
      Instant finished,
      ReconcileRecord.Outcome outcome,
      ReconcileResult found,
      String error)
      throws SQLException {
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement delete = connection.prepareStatement(sql.delete())) {
        delete.setString(1, name);
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(sql.insert())) {
        insert.setString(1, name);
        insert.setString(2, node);
        insert.setString(3, started.toString());
        insert.setString(4, finished.toString());
        insert.setString(5, outcome.name());
        if (found == null) {
          for (int i = 6; i <= 15; i++) {
            insert.setNull(i, i == 6 ? Types.VARCHAR : Types.BIGINT);
          }
        } else {
          insert.setString(6, found.depth().name());
          long[] counts = {
            found.sourceRows(), found.targetRows(), found.missing(), found.extra(),
            found.different(), found.repaired(), found.deleted(), found.leftToBatches(),
            found.duration().toMillis()
          };
          for (int i = 0; i < counts.length; i++) {
            insert.setLong(7 + i, counts[i]);
          }
        }
        if (error == null) {
          insert.setNull(16, Types.VARCHAR);
        } else {
          int max = ReconcileTableSql.MAX_ERROR_LENGTH;
          insert.setString(16, error.length() <= max ? error : error.substring(0, max));
        }
        insert.executeUpdate();
      }
      connection.commit();
    }
  }

  /** The sync's last reconciliation, if it was ever reconciled against this target. */
  public Optional<ReconcileRecord> read(String name) throws SQLException {
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement statement = connection.prepareStatement(sql.read())) {
        statement.setString(1, name);
        try (ResultSet row = statement.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          String depth = row.getString(5);
          Optional<ReconcileResult> found =
              depth == null
                  ? Optional.empty()
                  : Optional.of(
                      new ReconcileResult(
                          name,
                          ReconcileDepth.valueOf(depth),
                          row.getLong(6),
                          row.getLong(7),
                          row.getLong(8),
                          row.getLong(9),
                          row.getLong(10),
                          row.getLong(11),
                          row.getLong(12),
                          row.getLong(13),
                          Duration.ofMillis(row.getLong(14))));
          return Optional.of(
              new ReconcileRecord(
                  name,
                  row.getString(1),
                  Instant.parse(row.getString(2)),
                  Instant.parse(row.getString(3)),
                  ReconcileRecord.Outcome.valueOf(row.getString(4)),
                  found,
                  row.getString(15)));
        }
      }
    }
  }
}
