package dev.tablesync.runtime.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/**
 * PostgreSQL through pgjdbc: a UUID is bound as text of no declared type, which the server reads
 * as whatever the other side of the assignment or comparison is. A {@code uuid} column refuses a
 * {@code varchar} parameter, and a text column holding UUIDs cannot be compared with a {@code
 * uuid} one; an untyped parameter fits both.
 */
final class PostgresColumnValues extends StandardColumnValues {

  @Override
  public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
    // pgjdbc sends a string bound as Types.OTHER with no type, and a null one as an untyped NULL.
    statement.setObject(index, value == null ? null : value.toString(), Types.OTHER);
  }
}
