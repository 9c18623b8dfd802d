package dev.tablesync.runtime.spi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads and binds the column types whose JDBC calls depend on the database or its driver. Each
 * dialect supplies one; generated code calls it for these types and plain typed JDBC for every
 * other, and the engine binds stored cursors and keys through the same object, so a value of a
 * given type takes one path to and from a given database.
 *
 * <p>Only what differs is here. Examples: PostgreSQL compares a {@code uuid} column only with a
 * parameter of a type it can infer; MySQL and MariaDB have no column type that keeps an instant
 * (an {@code OffsetDateTime} is stored as a {@code DATETIME} in UTC); MySQL Connector/J drops
 * fractional seconds when it takes the server for older than MySQL 5.6.4, as it takes every
 * MariaDB 10; MariaDB Connector/J reads a local date-time that falls in a daylight-saving gap of
 * the JVM's time zone an hour late.
 *
 * <p>Setters bind SQL NULL for a null value, since the type of a NULL parameter matters to some
 * databases too. Getters return null for SQL NULL.
 */
public interface ColumnValues {

  /** Binds a date-time without a zone, every fraction digit the column keeps included. */
  void setLocalDateTime(PreparedStatement statement, int index, LocalDateTime value)
      throws SQLException;

  /** Reads a date-time without a zone exactly as stored, whatever the JVM's time zone. */
  LocalDateTime getLocalDateTime(ResultSet rs, int index) throws SQLException;

  /** Binds a time of day, every fraction digit the column keeps included. */
  void setLocalTime(PreparedStatement statement, int index, LocalTime value) throws SQLException;

  /**
   * Binds an instant with an offset. Databases without an offset type keep the instant, in UTC;
   * {@code Instant} components are bound through this at offset zero.
   */
  void setOffsetDateTime(PreparedStatement statement, int index, OffsetDateTime value)
      throws SQLException;

  /** Reads an instant with an offset; UTC from databases that keep no offset. */
  OffsetDateTime getOffsetDateTime(ResultSet rs, int index) throws SQLException;

  /** Binds a UUID to a column of the database's UUID type or of a text type. */
  void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException;
}
