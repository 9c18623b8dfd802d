package dev.tablesync.runtime.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * MySQL or MariaDB through MariaDB Connector/J, which reads a {@code DATETIME} as a {@code
 * LocalDateTime} by way of the JVM's time zone: a value in a daylight-saving gap there (02:30 on
 * the night clocks skip from 02:00 to 03:00) comes back an hour late. Read through a calendar of
 * UTC, which has no gaps, and proleptic Gregorian like {@code java.time}, so that dates before
 * 1582 keep their day, the value comes back as stored.
 */
final class MariaDbConnectorColumnValues extends MySqlColumnValues {

  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

  @Override
  public LocalDateTime getLocalDateTime(ResultSet rs, int index) throws SQLException {
    Timestamp utc = rs.getTimestamp(index, utcProlepticCalendar());
    return utc == null ? null : LocalDateTime.ofInstant(utc.toInstant(), ZoneOffset.UTC);
  }

  /** A new one per read: the driver may set fields on the calendar it is given. */
  private static GregorianCalendar utcProlepticCalendar() {
    GregorianCalendar calendar = new GregorianCalendar(UTC);
    calendar.setGregorianChange(new Date(Long.MIN_VALUE));
    return calendar;
  }
}
