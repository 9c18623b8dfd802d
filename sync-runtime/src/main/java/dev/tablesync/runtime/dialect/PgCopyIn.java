package dev.tablesync.runtime.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** PostgreSQL JDBC's {@code COPY ... FROM STDIN}. */
final class PgCopyIn {

  static final String CONNECTION_CLASS = "org.postgresql.PGConnection";

  private PgCopyIn() {}

  /** Runs {@code copy} on {@code target}, sending {@code rows} as its input. */
  static void copy(Connection target, String copy, InputStream rows) throws SQLException {
    try {
      target.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, rows);
    } catch (IOException e) {
      // Our stream is in memory: only the connection can fail, and a retry may get another.
      throw new SQLException("COPY lost its connection: " + e.getMessage(), "08006", e);
    }
  }
}
