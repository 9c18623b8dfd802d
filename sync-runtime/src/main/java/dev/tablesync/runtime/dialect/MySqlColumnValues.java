package dev.tablesync.runtime.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * MySQL and MariaDB, which have no column type that keeps an offset: an {@code OffsetDateTime}
 * (and an {@code Instant}) is stored as a {@code DATETIME} in UTC, bound and read as a local
 * date-time. The drivers' own conversions go through the JVM's or the session's time zone, which
 * cannot tell apart the two instants of an hour repeated when clocks go back.
 */
class MySqlColumnValues extends StandardColumnValues {

  @Override
  public void setOffsetDateTime(PreparedStatement statement, int index, OffsetDateTime value)
      throws SQLException {
    setLocalDateTime(
        statement,
        index,
        value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }

  @Override
  public OffsetDateTime getOffsetDateTime(ResultSet rs, int index) throws SQLException {
    LocalDateTime utc = getLocalDateTime(rs, index);
    return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
  }
}
