package dev.tablesync.runtime.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * MySQL Connector/J talking to a server it takes for older than MySQL 5.6.4, which had no
 * fractional seconds: every MariaDB 10 (it announces itself as {@code 5.5.5-10.x}). The driver
 * then drops the fraction of every date-time and time it binds, in data and in cursors alike, so
 * they are bound as text, which the server converts exactly.
 */
final class TextTimeColumnValues extends MySqlColumnValues {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  @Override
  public void setLocalDateTime(PreparedStatement statement, int index, LocalDateTime value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setString(index, DATE_TIME.format(value));
    }
  }

  @Override
  public void setLocalTime(PreparedStatement statement, int index, LocalTime value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIME);
    } else {
      statement.setString(index, TIME.format(value));
    }
  }
}
