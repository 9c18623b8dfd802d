package dev.tablesync.runtime.dialect;

/** A data source whose database product TableSync has no dialect for. */
public final class UnsupportedDatabaseException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public UnsupportedDatabaseException(String product, String version) {
    super(
        "TableSync has no dialect for " + product + " " + version
            + "; supported: MySQL, MariaDB, PostgreSQL, H2 and SQL Server");
  }
}
