package dev.tablesync.runtime.dialect;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** MySQL Connector/J's hook for the rows of a {@code LOAD DATA LOCAL INFILE}. */
final class MySqlLocalInfile {

  static final String STATEMENT_CLASS = "com.mysql.cj.jdbc.JdbcStatement";

  private MySqlLocalInfile() {}

  /**
   * Whether the connection's URL or properties set {@code allowLoadLocalInfile=true}, without
   * which the driver sends no local data at all, not even a stream.
   */
  static boolean allowed(Connection connection) throws SQLException {
    return connection
        .unwrap(JdbcConnection.class)
        .getPropertySet()
        .getBooleanProperty(PropertyKey.allowLoadLocalInfile)
        .getValue();
  }

  /** Makes {@code statement} send {@code rows} when the server asks for the file. */
  static void sendRows(Statement statement, InputStream rows) throws SQLException {
    statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(rows);
  }
}
