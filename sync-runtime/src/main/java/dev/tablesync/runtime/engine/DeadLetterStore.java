package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.DeadLetterSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-letter table in a target: rows that could not be synced, one per sync and key, with
 * the position, error and values of the latest failure. Writes join the open transaction, so a
 * row is set aside exactly when its batch commits.
 */
final class DeadLetterStore {

  private final DeadLetterSql sql;

  DeadLetterStore(DeadLetterSql sql) {
    this.sql = sql;
  }

  /** Sets a row aside, replacing an earlier failure of the same key. */
  void put(Connection target, String syncName, Position position, String error, String row)
      throws SQLException {
    delete(target, syncName, position.keyText());
    try (PreparedStatement insert = target.prepareStatement(sql.insert())) {
      insert.setString(1, syncName);
      insert.setString(2, position.keyText());
      insert.setString(3, position.cursorText());
      insert.setString(
          4,
          error.length() > DeadLetterSql.MAX_ERROR_LENGTH
              ? error.substring(0, DeadLetterSql.MAX_ERROR_LENGTH)
              : error);
      insert.setString(5, row);
      insert.executeUpdate();
    }
  }

  /** Removes the row of {@code keyText}, if there is one. */
  void delete(Connection target, String syncName, String keyText) throws SQLException {
    try (PreparedStatement delete = target.prepareStatement(sql.delete())) {
      delete.setString(1, syncName);
      delete.setString(2, keyText);
      delete.executeUpdate();
    }
  }

  /** Every row set aside for {@code syncName}, oldest first. */
  List<StoredLetter> list(Connection target, String syncName) throws SQLException {
    List<StoredLetter> letters = new ArrayList<>();
    try (PreparedStatement list = target.prepareStatement(sql.list())) {
      list.setString(1, syncName);
      try (ResultSet rs = list.executeQuery()) {
        while (rs.next()) {
          letters.add(
              new StoredLetter(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, LocalDateTime.class)));
        }
      }
    }
    return letters;
  }

  /** One row of the dead-letter table, as stored. */
  record StoredLetter(
      String keyText, String cursorText, String error, String row, LocalDateTime failedAt) {}
}
