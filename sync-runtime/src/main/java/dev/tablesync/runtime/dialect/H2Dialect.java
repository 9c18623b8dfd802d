package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.SQLException;
import java.util.List;

/** H2, the embedded default: upserts with {@code MERGE ... KEY}, pages with {@code FETCH FIRST}. */
public final class H2Dialect extends StandardDialect {

  /** H2's error code for a lock wait that timed out (SQLState HYT00). */
  private static final int LOCK_TIMEOUT = 50200;

  private static final ColumnValues COLUMN_VALUES = new StandardColumnValues();

  /**
   * @param identifierCase how this database stores unquoted names (upper case unless it was
   *     opened with {@code DATABASE_TO_LOWER} or {@code DATABASE_TO_UPPER=FALSE})
   */
  public H2Dialect(IdentifierCase identifierCase) {
    super(identifierCase);
  }

  @Override
  public String name() {
    return "H2";
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
  protected String selectSuffix(List<KeysetSelect.Parameter> parameters) {
    parameters.add(new KeysetSelect.Limit());
    return "\nFETCH FIRST ? ROWS ONLY";
  }

  /**
   * {@code MERGE ... KEY} sets the columns it lists; a table that marks gone rows lists its mark
   * too, with the live value, so that a row that comes back is live again at once.
   */
  @Override
  public String upsert(TableSpec table, int rows) {
    String merge =
        "MERGE INTO " + quote(table.targetTable()) + " (" + columnList(table)
            + (table.goneRows().marks() ? ", " + quote(table.softDeleteColumn()) : "") + ")\nKEY ("
            + keyColumns(table, c -> quote(c.name()), ", ") + ")\nVALUES ";
    if (!table.goneRows().marks()) {
      return merge + rowsOfPlaceholders(table, rows);
    }
    String row = "(" + placeholders(table) + ", " + unmarked(table) + ")";
    return merge + String.join(", ", java.util.Collections.nCopies(rows, row));
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT LOCALTIMESTAMP";
  }

  @Override
  public String currentUtcTimestampQuery() {
    return "SELECT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)";
  }

  @Override
  protected String addColumns(String table, List<String> definitions) {
    // H2 adds several columns in one parenthesized list.
    return "ALTER TABLE " + quote(table) + " ADD COLUMN (" + String.join(", ", definitions) + ")";
  }

  @Override
  protected String largeTextType() {
    return "CHARACTER LARGE OBJECT";
  }

  @Override
  protected boolean isTransient(SQLException e) {
    return super.isTransient(e) || e.getErrorCode() == LOCK_TIMEOUT;
  }
}
