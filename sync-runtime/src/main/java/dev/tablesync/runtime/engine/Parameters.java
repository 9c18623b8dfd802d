package dev.tablesync.runtime.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Binds cursor and key values the way generated code binds the same component types. */
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
}
