package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.TableSpec;
import java.util.List;

/**
 * SQL Server: pages with {@code TOP (?)}, upserts with {@code MERGE ... WITH (HOLDLOCK)} so that
 * two concurrent upserts of one new key cannot both insert it.
 */
public final class SqlServerDialect extends StandardDialect {

  public SqlServerDialect() {
    super(IdentifierCase.AS_WRITTEN);
  }

  @Override
  public String name() {
    return "SQL Server";
  }

  @Override
  protected String quotePart(String part) {
    return '[' + part + ']';
  }

  @Override
  protected String selectPrefix(List<KeysetSelect.Parameter> parameters) {
    parameters.add(new KeysetSelect.Limit());
    return "TOP (?) ";
  }

  @Override
  protected String selectSuffix(List<KeysetSelect.Parameter> parameters) {
    return "";
  }

  @Override
  public String upsert(TableSpec table) {
    return "MERGE INTO " + quote(table.targetTable()) + " WITH (HOLDLOCK) AS t\nUSING (VALUES ("
        + placeholders(table) + ")) AS s (" + columnList(table) + ")\nON "
        + keyColumns(table, c -> "t." + quote(c.name()) + " = s." + quote(c.name()), " AND ")
        + "\nWHEN MATCHED THEN UPDATE SET "
        + nonKeyColumns(table, c -> "t." + quote(c.name()) + " = s." + quote(c.name()))
        + "\nWHEN NOT MATCHED THEN INSERT (" + columnList(table) + ") VALUES ("
        + joinedSourceColumns(table) + ");";
  }

  private String joinedSourceColumns(TableSpec table) {
    return String.join(
        ", ", table.columns().stream().map(c -> "s." + quote(c.name())).toList());
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT SYSDATETIME()";
  }

  @Override
  public CursorTableSql cursorTable(String table) {
    CursorTableSql standard = super.cursorTable(table);
    String name = quote(table);
    return new CursorTableSql(
        "IF OBJECT_ID(N'" + table + "', N'U') IS NULL\n"
            + standard.create().replace("CREATE TABLE IF NOT EXISTS", "CREATE TABLE"),
        "SELECT cursor_value, key_value, rows_synced FROM " + name
            + " WITH (UPDLOCK, HOLDLOCK) WHERE sync_name = ?",
        standard.insert(),
        standard.update());
  }

  @Override
  protected String timestampType() {
    return "DATETIME2";
  }
}
