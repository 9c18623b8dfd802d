package dev.tablesync.runtime.status;

import dev.tablesync.runtime.dialect.Dialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Creates the tables that keep runs for status views, on first use. */
final class StatusTables {

  private StatusTables() {}

  /**
   * Creates {@code table} with {@code columns} unless it exists, and returns its quoted name.
   * Asking the driver's metadata works on every product, unlike {@code CREATE TABLE IF NOT
   * EXISTS}; another process may create the table at the same moment, so a failed create is fine
   * when the table is there afterwards.
   */
  static String ensure(Connection connection, String table, String columns) throws SQLException {
    String name = Dialects.detect(connection).quote(table);
    if (!exists(connection, table)) {
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE TABLE " + name + " (\n" + columns + ")");
      } catch (SQLException e) {
        if (!exists(connection, table)) {
          throw e;
        }
      }
    }
    return name;
  }

  /** Whether the table is in the connection's own catalog and schema. */
  private static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String stored =
        meta.storesUpperCaseIdentifiers()
            ? table.toUpperCase(Locale.ROOT)
            : meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
    String escape = meta.getSearchStringEscape();
    String pattern = stored.replace("_", escape + "_").replace("%", escape + "%");
    try (ResultSet tables =
        meta.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
      return tables.next();
    }
  }
}
