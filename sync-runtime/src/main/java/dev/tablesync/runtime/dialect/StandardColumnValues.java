package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * JDBC 4.2's own calls: {@code java.time} values through {@code setObject} and {@code getObject},
 * a UUID as its text. Right for H2 and SQL Server; other dialects override what their database or
 * driver needs.
 */
class StandardColumnValues implements ColumnValues {

  @Override
  public void setLocalDateTime(PreparedStatement statement, int index, LocalDateTime value)
      throws SQLException {
    setObject(statement, index, value, Types.TIMESTAMP);
  }

  @Override
  public LocalDateTime getLocalDateTime(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, LocalDateTime.class);
  }

  @Override
  public void setLocalTime(PreparedStatement statement, int index, LocalTime value)
      throws SQLException {
    setObject(statement, index, value, Types.TIME);
  }

  @Override
  public void setOffsetDateTime(PreparedStatement statement, int index, OffsetDateTime value)
      throws SQLException {
    setObject(statement, index, value, Types.TIMESTAMP_WITH_TIMEZONE);
  }

  @Override
  public OffsetDateTime getOffsetDateTime(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, OffsetDateTime.class);
  }

  @Override
  public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value.toString());
    }
  }

  /** Binds {@code value} with {@code setObject}, or NULL of {@code sqlType}. */
  private static void setObject(
      PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlType);
    } else {
      statement.setObject(index, value);
    }
  }
}
