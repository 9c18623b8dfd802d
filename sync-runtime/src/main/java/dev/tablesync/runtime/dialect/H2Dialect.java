package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.TableSpec;
import java.util.List;

/** H2, the embedded default: upserts with {@code MERGE ... KEY}, pages with {@code FETCH FIRST}. */
public final class H2Dialect extends StandardDialect {

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
  protected String quotePart(String part) {
    return '"' + part + '"';
  }

  @Override
  protected String selectSuffix(List<KeysetSelect.Parameter> parameters) {
    parameters.add(new KeysetSelect.Limit());
    return "\nFETCH FIRST ? ROWS ONLY";
  }

  @Override
  public String upsert(TableSpec table) {
    return "MERGE INTO " + quote(table.targetTable()) + " (" + columnList(table) + ")\nKEY ("
        + keyColumns(table, c -> quote(c.name()), ", ") + ")\nVALUES (" + placeholders(table) + ")";
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT LOCALTIMESTAMP";
  }
}
