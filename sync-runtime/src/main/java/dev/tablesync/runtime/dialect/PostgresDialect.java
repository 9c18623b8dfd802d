package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL: upserts with {@code ON CONFLICT (key) DO UPDATE}. */
public final class PostgresDialect extends StandardDialect {

  /**
   * SQLStates worth a retry outside the classes every product shares: lock not available (55P03,
   * from {@code lock_timeout} and {@code NOWAIT}), connection terminated by an administrator
   * (57P01), server crash or start-up (57P02, 57P03), too many connections (53300).
   */
  private static final Set<String> TRANSIENT_STATES =
      Set.of("55P03", "57P01", "57P02", "57P03", "53300");

  private static final ColumnValues COLUMN_VALUES = new PostgresColumnValues();

  public PostgresDialect() {
    super(IdentifierCase.LOWER);
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public ColumnValues columnValues() {
    return COLUMN_VALUES;
  }

  @Override
  protected String quotePart(String part) {
    return '"' + part + '"';
  }

  @Override
  public String upsert(TableSpec table, int rows) {
    return "INSERT INTO " + quote(table.targetTable()) + " (" + columnList(table) + ")\nVALUES "
        + rowsOfPlaceholders(table, rows) + onConflictUpdate(table);
  }

  private String onConflictUpdate(TableSpec table) {
    return "\nON CONFLICT (" + keyColumns(table, c -> quote(c.name()), ", ") + ") DO UPDATE SET "
        + nonKeyColumns(table, c -> quote(c.name()) + " = EXCLUDED." + quote(c.name()))
        + clearedMark(table, "");
  }

  /** {@link #bulkLoader}'s {@code COPY} is staged already. */
  @Override
  public List<BulkLoader> backlogLoaders(TableSpec table) {
    return bulkLoader(table).stream().toList();
  }

  @Override
  public Optional<BulkLoader> bulkLoader(TableSpec table) {
    if (hasInstantColumns(table)) {
      return Optional.empty();
    }
    // pg_temp names the session's own temporary schema, so no target table can be mistaken for it.
    String stage = "pg_temp.tablesync_stage";
    String columns = columnList(table);
    return Optional.of(
        new PostgresCopy(
            table.targetTable(),
            "CREATE TEMPORARY TABLE " + stage + " ON COMMIT DROP AS SELECT " + columns + " FROM "
                + quote(table.targetTable()) + " WITH NO DATA",
            "COPY " + stage + " (" + columns + ") FROM STDIN",
            "INSERT INTO " + quote(table.targetTable()) + " (" + columns + ")\nSELECT " + columns
                + " FROM " + stage + onConflictUpdate(table)));
  }

  /**
   * Row values, {@code (c0, c1, ...) > (?, ?, ...)}: PostgreSQL range-scans an index on the
   * columns for them and estimates the rows well, where it misestimates the expanded form many
   * times over and, near the end of a table, scans every row left.
   */
  @Override
  protected String after(
      List<String> columns, int firstElement, List<KeysetSelect.Parameter> parameters) {
    for (int i = 0; i < columns.size(); i++) {
      parameters.add(new KeysetSelect.PositionValue(firstElement + i));
    }
    if (columns.size() == 1) {
      return columns.get(0) + " > ?";
    }
    return "(" + String.join(", ", columns) + ") > ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT LOCALTIMESTAMP";
  }

  @Override
  public String currentUtcTimestampQuery() {
    return "SELECT CURRENT_TIMESTAMP AT TIME ZONE 'UTC'";
  }

  @Override
  protected boolean isTransient(SQLException e) {
    return super.isTransient(e)
        || (e.getSQLState() != null && TRANSIENT_STATES.contains(e.getSQLState()));
  }

  @Override
  public String highWaterQuery(TableSpec table, boolean upperBound) {
    if (table.cursor().javaType() != byte[].class) {
      return super.highWaterQuery(table, upperBound);
    }
    // PostgreSQL has no MAX of bytea; the first row in descending order is the same value.
    String cursor = "q." + quote(table.cursor().name());
    return "SELECT " + cursor + "\nFROM (\n" + stripTerminator(table.query()) + "\n) q\nWHERE "
        + cursor + " IS NOT NULL" + (upperBound ? " AND " + cursor + " <= ?" : "")
        + "\nORDER BY " + cursor + " DESC\nLIMIT 1";
  }
}
