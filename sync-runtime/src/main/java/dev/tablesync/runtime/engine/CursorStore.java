package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.CursorTableSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * The cursor table in a target: one row per sync with its position and row count, and while a
 * snapshot runs, its high-water mark and last key. A batch (or snapshot chunk) locks its sync's
 * row first, so two runners of one sync take turns, and updates it in the transaction that writes
 * the batch's rows.
 */
final class CursorStore {

  private final CursorTableSql sql;

  CursorStore(CursorTableSql sql) {
    this.sql = sql;
  }

  /**
   * Adds the sync's row unless it exists, committed on its own. Another runner may add it at the
   * same moment, or hold it locked; neither blocks this.
   */
  void ensureRow(Connection target, String syncName) throws SQLException {
    boolean exists = query(target, sql.read(), syncName).isPresent();
    target.commit();
    if (exists) {
      return;
    }
    try (PreparedStatement insert = target.prepareStatement(sql.insert())) {
      insert.setString(1, syncName);
      insert.executeUpdate();
      target.commit();
    } catch (SQLException e) {
      target.rollback();
      boolean insertedByAnother = query(target, sql.read(), syncName).isPresent();
      target.commit();
      if (!insertedByAnother) {
        throw e;
      }
    }
  }

  /**
   * Deletes the sync's row, waiting for a batch that holds it; part of the open transaction.
   *
   * @return whether there was a row
   */
  boolean deleteRow(Connection target, String syncName) throws SQLException {
    try (PreparedStatement delete = target.prepareStatement(sql.delete())) {
      delete.setString(1, syncName);
      return delete.executeUpdate() > 0;
    }
  }

  /** Reads the sync's row without locking it, for status views; empty before its first run. */
  Optional<StoredCursor> readRow(Connection target, String syncName) throws SQLException {
    return query(target, sql.read(), syncName);
  }

  /** Locks the sync's row until the transaction ends and reads it, waiting for other holders. */
  Optional<StoredCursor> lockRow(Connection target, String syncName) throws SQLException {
    return query(target, sql.lock(), syncName);
  }

  /**
   * Locks the sync's row until the transaction ends and reads it, or returns empty at once when
   * another transaction holds it.
   */
  Optional<StoredCursor> tryLockRow(Connection target, String syncName) throws SQLException {
    return query(target, sql.tryLock(), syncName);
  }

  private static Optional<StoredCursor> query(Connection target, String select, String syncName)
      throws SQLException {
    try (PreparedStatement query = target.prepareStatement(select)) {
      query.setString(1, syncName);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredCursor(
                row.getString(1),
                row.getString(2),
                row.getLong(3),
                row.getString(4),
                row.getString(5)));
      }
    }
  }

  /**
   * Stores {@code position}, ending any snapshot, and adds {@code rows} to the row count; part of
   * the open transaction.
   */
  void update(Connection target, String syncName, Position position, long rows)
      throws SQLException {
    store(target, sql.update(), syncName, position, rows);
  }

  /**
   * Stores how far a snapshot got: its high-water mark and the last key it wrote, as {@code
   * reached}'s cursor and key; adds {@code rows} to the row count; part of the open transaction.
   */
  void updateSnapshot(Connection target, String syncName, Position reached, long rows)
      throws SQLException {
    store(target, sql.updateSnapshot(), syncName, reached, rows);
  }

  private static void store(
      Connection target, String statement, String syncName, Position position, long rows)
      throws SQLException {
    try (PreparedStatement update = target.prepareStatement(statement)) {
      update.setString(1, position.cursorText());
      if (position.isStartOfCursor()) {
        update.setNull(2, Types.VARCHAR);
      } else {
        update.setString(2, position.keyText());
      }
      update.setLong(3, rows);
      update.setString(4, syncName);
      if (update.executeUpdate() != 1) {
        throw new SQLException("the cursor row of " + syncName + " is missing");
      }
    }
  }

  /**
   * One sync's row as stored.
   *
   * @param cursorText the cursor, or null before the first batch
   * @param keyText the key, or null before the first batch and right after a snapshot
   * @param rowsSynced rows written over all runs
   * @param snapshotHighWater the high-water mark of the snapshot under way, or null
   * @param snapshotKey the last key the snapshot under way wrote, or null
   */
  record StoredCursor(
      String cursorText,
      String keyText,
      long rowsSynced,
      String snapshotHighWater,
      String snapshotKey) {

    boolean hasPosition() {
      return cursorText != null;
    }

    /** Whether a snapshot is under way, having committed a chunk. */
    boolean hasSnapshot() {
      return snapshotHighWater != null;
    }
  }
}
