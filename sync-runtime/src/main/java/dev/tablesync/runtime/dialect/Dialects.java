package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** Picks the dialect of a database, and of its driver where that matters, from its connection. */
public final class Dialects {

  private Dialects() {}

  /**
   * The dialect of the database behind {@code connection}.
   *
   * @throws UnsupportedDatabaseException when TableSync has no dialect for the product
   */
  public static Dialect detect(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName();
    String version = meta.getDatabaseProductVersion();
    String lower = product.toLowerCase(Locale.ROOT);
    // MySQL's driver reports a MariaDB server as "MySQL" with a "5.5.5-10.11.6-MariaDB" version.
    if (lower.contains("mariadb") || version.toLowerCase(Locale.ROOT).contains("mariadb")) {
      return new MariaDbDialect(mySqlColumnValues(meta));
    }
    if (lower.equals("mysql")) {
      return new MySqlDialect(atLeast(meta, 8, 0, 19), mySqlColumnValues(meta));
    }
    if (lower.equals("postgresql")) {
      return new PostgresDialect();
    }
    if (lower.equals("h2")) {
      return new H2Dialect(identifierCase(meta));
    }
    if (lower.startsWith("microsoft sql server")) {
      return new SqlServerDialect();
    }
    throw new UnsupportedDatabaseException(product, version);
  }

  /** MySQL and MariaDB values, with what their two drivers each get wrong put right. */
  private static ColumnValues mySqlColumnValues(DatabaseMetaData meta) throws SQLException {
    String driver = meta.getDriverName();
    if (driver.startsWith("MariaDB")) {
      return new MariaDbConnectorColumnValues();
    }
    // Connector/J compares the version the server announces, which is 5.5.5 for MariaDB 10.
    if (driver.startsWith("MySQL") && !atLeast(meta, 5, 6, 4)) {
      return new TextTimeColumnValues();
    }
    return new MySqlColumnValues();
  }

  private static boolean atLeast(DatabaseMetaData meta, int major, int minor, int patch)
      throws SQLException {
    String[] parts = meta.getDatabaseProductVersion().split("[^0-9]+");
    int[] found = new int[3];
    for (int i = 0; i < 3 && i < parts.length; i++) {
      found[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
    }
    int[] wanted = {major, minor, patch};
    for (int i = 0; i < 3; i++) {
      if (found[i] != wanted[i]) {
        return found[i] > wanted[i];
      }
    }
    return true;
  }

  private static StandardDialect.IdentifierCase identifierCase(DatabaseMetaData meta)
      throws SQLException {
    if (meta.storesUpperCaseIdentifiers()) {
      return StandardDialect.IdentifierCase.UPPER;
    }
    if (meta.storesLowerCaseIdentifiers()) {
      return StandardDialect.IdentifierCase.LOWER;
    }
    return StandardDialect.IdentifierCase.AS_WRITTEN;
  }
}
