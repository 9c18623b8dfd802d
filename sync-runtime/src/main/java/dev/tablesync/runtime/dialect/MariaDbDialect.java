package dev.tablesync.runtime.dialect;

/** MariaDB: MySQL's SQL, with {@code VALUES()} in upserts, which MariaDB has no alias for. */
public final class MariaDbDialect extends MySqlDialect {

  public MariaDbDialect() {
    super(false);
  }

  @Override
  public String name() {
    return "MariaDB";
  }
}
