package dev.tablesync.runtime.engine;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Binds and reads cursor and key values the way generated code binds and reads the same
 * component types.
 */
final class Parameters {

  private Parameters() {}

  static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    } else if (value instanceof UUID uuid) {
      statement.setString(index, uuid.toString());
    } else if (value instanceof Enum<?> constant) {
      statement.setString(index, constant.name());
    } else {
      statement.setObject(index, value);
    }
  }

  /**
   * Reads column {@code index} of the current row as a cursor or key of {@code type}, for a row
   * that generated code could not read as a whole; null when the value is SQL NULL.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object read(ResultSet rs, int index, Class<?> type) throws SQLException {
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
    } else if (type == String.class) {
      value = rs.getString(index);
    } else if (type == BigDecimal.class) {
      value = rs.getBigDecimal(index);
    } else if (type == byte[].class) {
      value = rs.getBytes(index);
    } else if (type == Instant.class) {
      OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
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
