package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * SQL Server: pages with {@code TOP (?)}, upserts with {@code MERGE ... WITH (HOLDLOCK)} so that
 * two concurrent upserts of one new key cannot both insert it, and reads a {@code rowversion}
 * cursor only below {@code MIN_ACTIVE_ROWVERSION()}.
 */
public final class SqlServerDialect extends StandardDialect {

  /**
   * Error numbers worth a retry that do not carry a transient SQLState: lock request timed out
   * (1222), and Azure SQL's service busy or failing over (40197, 40501, 40613).
   */
  private static final Set<Integer> TRANSIENT_CODES = Set.of(1222, 40197, 40501, 40613);

  private static final ColumnValues COLUMN_VALUES = new StandardColumnValues();

  public SqlServerDialect() {
    super(IdentifierCase.AS_WRITTEN);
  }

  @Override
  public String name() {
    return "SQL Server";
  }

  @Override
  public ColumnValues columnValues() {
    return COLUMN_VALUES;
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

  /**
   * A {@code byte[]} cursor is a {@code rowversion}. A transaction still open holds versions that
   * rows committed before it do not; reading only below the oldest version in use means a row
   * committed late is never behind the stored cursor, with no lag to wait.
   */
  @Override
  protected String cursorCeiling(TableSpec table) {
    return table.cursor().javaType() == byte[].class ? "MIN_ACTIVE_ROWVERSION()" : null;
  }

  @Override
  protected String selectSuffix(List<KeysetSelect.Parameter> parameters) {
    return "";
  }

  @Override
  public String upsert(TableSpec table, int rows) {
    return "MERGE INTO " + quote(table.targetTable()) + " WITH (HOLDLOCK) AS t\nUSING (VALUES "
        + rowsOfPlaceholders(table, rows) + ") AS s (" + columnList(table) + ")\nON "
        + keyColumns(table, c -> "t." + quote(c.name()) + " = s." + quote(c.name()), " AND ")
        + "\nWHEN MATCHED THEN UPDATE SET "
        + nonKeyColumns(table, c -> "t." + quote(c.name()) + " = s." + quote(c.name()))
        + clearedMark(table, "t.")
        + "\nWHEN NOT MATCHED THEN INSERT (" + columnList(table) + ") VALUES ("
        + joinedSourceColumns(table) + ");";
  }

  private String joinedSourceColumns(TableSpec table) {
    return String.join(
        ", ", table.columns().stream().map(c -> "s." + quote(c.name())).toList());
  }

  /** SQL Server takes at most 2,100 parameters in one request. */
  @Override
  public int maxParameters() {
    return 2_100;
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT SYSDATETIME()";
  }

  @Override
  public String currentUtcTimestampQuery() {
    return "SELECT SYSUTCDATETIME()";
  }

  /** SQL Server has no {@code CREATE TABLE IF NOT EXISTS}. */
  @Override
  protected String createTableUnlessExists(String table, List<String> definitions) {
    return "IF OBJECT_ID(N'" + table + "', N'U') IS NULL\nCREATE TABLE " + quote(table)
        + EngineTableSql.body(definitions);
  }

  @Override
  protected String addColumns(String table, List<String> definitions) {
    return "ALTER TABLE " + quote(table) + " ADD " + String.join(", ", definitions);
  }

  /** Locks are table hints; READPAST skips a locked row instead of waiting, without HOLDLOCK. */
  @Override
  protected String lockedSelect(
      String columns, String quotedTable, String where, boolean skipLocked) {
    return "SELECT " + columns + " FROM " + quotedTable
        + (skipLocked ? " WITH (UPDLOCK, ROWLOCK, READPAST)" : " WITH (UPDLOCK, HOLDLOCK)")
        + where;
  }

  /** A {@code BIT} column takes 0; SQL Server has no boolean literal. */
  @Override
  protected String falseLiteral() {
    return "0";
  }

  @Override
  protected String timestampType() {
    return "DATETIME2";
  }

  @Override
  protected String largeTextType() {
    return "NVARCHAR(MAX)";
  }

  @Override
  protected boolean isTransient(SQLException e) {
    return super.isTransient(e) || TRANSIENT_CODES.contains(e.getErrorCode());
  }
}
