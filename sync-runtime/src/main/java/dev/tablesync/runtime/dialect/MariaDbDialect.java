package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;

/** MariaDB: MySQL's SQL, with {@code VALUES()} in upserts, which MariaDB has no alias for. */
public final class MariaDbDialect extends MySqlDialect {

  /** @param columnValues how the driver in use must bind and read times and UUIDs */
  public MariaDbDialect(ColumnValues columnValues) {
    super(false, columnValues);
  }

  @Override
  public String name() {
    return "MariaDB";
  }
}
