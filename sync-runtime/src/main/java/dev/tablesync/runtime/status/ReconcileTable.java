package dev.tablesync.runtime.status;

import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileResult;
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
 * and did, so that any process can see it. Created on first use; times are ISO-8601 text in UTC.
 */
public final class ReconcileTable {

  private static final int MAX_ERROR_LENGTH = 2000;

  /** The counts of a result, in column order. */
  private static final String COUNTS =
      "source_rows, target_rows, missing_rows, extra_rows, different_rows, repaired_rows,"
          + " deleted_rows, left_to_batches, duration_ms";

  private final DataSource target;
  private final String table;
  private volatile String quoted;

  /**
   * @param target the data source the table lives in
   * @param table the table's name, checked and quoted by the target's dialect
   */
  public ReconcileTable(DataSource target, String table) {
    this.target = target;
    this.table = table;
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
      String quotedTable = ensureTable(connection);
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + quotedTable + " WHERE sync_name = ?")) {
        delete.setString(1, name);
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO " + quotedTable + " (sync_name, node, started_at, finished_at,"
                  + " outcome, depth, " + COUNTS + ", error)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
          insert.setString(
              16, error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH));
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
      String select =
          "SELECT node, started_at, finished_at, outcome, depth, " + COUNTS + ", error FROM "
              + ensureTable(connection) + " WHERE sync_name = ?";
      try (PreparedStatement statement = connection.prepareStatement(select)) {
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
                  + "  depth VARCHAR(8),\n"
                  + "  source_rows BIGINT,\n"
                  + "  target_rows BIGINT,\n"
                  + "  missing_rows BIGINT,\n"
                  + "  extra_rows BIGINT,\n"
                  + "  different_rows BIGINT,\n"
                  + "  repaired_rows BIGINT,\n"
                  + "  deleted_rows BIGINT,\n"
                  + "  left_to_batches BIGINT,\n"
                  + "  duration_ms BIGINT,\n"
                  + "  error VARCHAR(" + MAX_ERROR_LENGTH + ")\n");
    }
    return quoted;
  }
}
