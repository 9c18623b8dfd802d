package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.spi.ColumnValues;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Binds and reads single cursor and key values with the JDBC calls generated code makes for the
 * same component types, and through the same {@link ColumnValues} for the types whose calls
 * depend on the database: a stored cursor is compared in the form its column was read in.
 */
final class Parameters {

  private Parameters() {}

  /** Binds the non-null {@code value} of a cursor or key. */
  static void bind(PreparedStatement statement, int index, Object value, ColumnValues values)
      throws SQLException {
    if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else if (value instanceof Short number) {
      statement.setShort(index, number);
    } else if (value instanceof Byte number) {
      statement.setByte(index, number);
    } else if (value instanceof Boolean flag) {
      statement.setBoolean(index, flag);
    } else if (value instanceof Float number) {
      statement.setDouble(index, number);
    } else if (value instanceof Double number) {
      statement.setDouble(index, number);
    } else if (value instanceof BigDecimal number) {
      statement.setBigDecimal(index, number);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof LocalDate date) {
      statement.setObject(index, date);
    } else if (value instanceof LocalTime time) {
      values.setLocalTime(statement, index, time);
    } else if (value instanceof LocalDateTime dateTime) {
      values.setLocalDateTime(statement, index, dateTime);
    } else if (value instanceof OffsetDateTime dateTime) {
      values.setOffsetDateTime(statement, index, dateTime);
    } else if (value instanceof Instant instant) {
      values.setOffsetDateTime(statement, index, instant.atOffset(ZoneOffset.UTC));
    } else if (value instanceof UUID uuid) {
      values.setUuid(statement, index, uuid);
    } else if (value instanceof Enum<?> constant) {
      statement.setString(index, constant.name());
    } else {
      throw new IllegalArgumentException(
          "no JDBC binding for a cursor or key of " + value.getClass().getName());
    }
  }

  /**
   * Reads column {@code index} of the current row as a value of {@code type}: a cursor or key of
   * a row that generated code could not read as a whole, or a cursor queried on its own; null
   * when the value is SQL NULL.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object read(ResultSet rs, int index, Class<?> type, ColumnValues values)
      throws SQLException {
    Object value;
    if (type == long.class || type == Long.class) {
      value = rs.getLong(index);
    } else if (type == int.class || type == Integer.class) {
      value = rs.getInt(index);
    } else if (type == short.class || type == Short.class) {
      value = rs.getShort(index);
    } else if (type == byte.class || type == Byte.class) {
      value = rs.getByte(index);
    } else if (type == boolean.class || type == Boolean.class) {
      value = rs.getBoolean(index);
    } else if (type == float.class || type == Float.class) {
      value = rs.getFloat(index);
    } else if (type == double.class || type == Double.class) {
      value = rs.getDouble(index);
    } else if (type == String.class) {
      value = rs.getString(index);
    } else if (type == BigDecimal.class) {
      value = rs.getBigDecimal(index);
    } else if (type == byte[].class) {
      value = rs.getBytes(index);
    } else if (type == LocalDateTime.class) {
      value = values.getLocalDateTime(rs, index);
    } else if (type == OffsetDateTime.class) {
      value = values.getOffsetDateTime(rs, index);
    } else if (type == Instant.class) {
      OffsetDateTime time = values.getOffsetDateTime(rs, index);
      value = time == null ? null : time.toInstant();
    } else if (type == UUID.class) {
      String text = rs.getString(index);
      value = text == null ? null : UUID.fromString(text);
    } else if (type.isEnum()) {
      String name = rs.getString(index);
      value = name == null ? null : Enum.valueOf((Class<? extends Enum>) type, name);
    } else {
      value = rs.getObject(index, type);
    }
    return rs.wasNull() ? null : value;
  }
}
