package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.TableSpec;

/** PostgreSQL: upserts with {@code ON CONFLICT (key) DO UPDATE}. */
public final class PostgresDialect extends StandardDialect {

  public PostgresDialect() {
    super(IdentifierCase.LOWER);
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  protected String quotePart(String part) {
    return '"' + part + '"';
  }

  @Override
  public String upsert(TableSpec table) {
    return "INSERT INTO " + quote(table.targetTable()) + " (" + columnList(table) + ")\nVALUES ("
        + placeholders(table) + ")\nON CONFLICT (" + keyColumns(table, c -> quote(c.name()), ", ")
        + ") DO UPDATE SET "
        + nonKeyColumns(table, c -> quote(c.name()) + " = EXCLUDED." + quote(c.name()));
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT LOCALTIMESTAMP";
  }
}
