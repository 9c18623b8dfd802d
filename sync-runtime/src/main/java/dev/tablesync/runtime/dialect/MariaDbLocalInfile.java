package dev.tablesync.runtime.dialect;

import java.io.InputStream;
import java.sql.SQLException;
import java.sql.Statement;

/** MariaDB Connector/J's hook for the rows of a {@code LOAD DATA LOCAL INFILE}. */
final class MariaDbLocalInfile {

  static final String STATEMENT_CLASS = "org.mariadb.jdbc.Statement";

  private MariaDbLocalInfile() {}

  /**
   * Makes {@code statement} send {@code rows} when the server asks for the file. The driver then
   * sends this stream, whatever file name the server asks for, and opens no file.
   */
  static void sendRows(Statement statement, InputStream rows) throws SQLException {
    statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(rows);
  }
}
