package dev.tablesync.runtime.dialect;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.grammar.Names;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQL most products share; each product's dialect overrides what it does differently. Names
 * are validated before they are quoted, so no identifier can carry SQL, and are folded to the
 * case the database stores unquoted names in, so that quoting does not change which table an
 * unquoted DDL name meant.
 */
public abstract class StandardDialect implements Dialect {

  /** How the database stores names written without quotes. */
  public enum IdentifierCase {
    UPPER,
    LOWER,
    AS_WRITTEN
  }

  private final IdentifierCase identifierCase;

  protected StandardDialect(IdentifierCase identifierCase) {
    this.identifierCase = identifierCase;
  }

  /** Quotes one checked, case-folded identifier part. */
  protected abstract String quotePart(String part);

  @Override
  public String quote(String identifier) {
    List<String> parts = new ArrayList<>();
    for (String part : identifier.split("\\.", -1)) {
      if (!Names.isIdentifier(part)) {
        throw new IllegalArgumentException(
            "not a valid SQL identifier: '" + identifier + "' (use letters, digits, '_' and '$')");
      }
      parts.add(
          quotePart(
              switch (identifierCase) {
                case UPPER -> part.toUpperCase(java.util.Locale.ROOT);
                case LOWER -> part.toLowerCase(java.util.Locale.ROOT);
                case AS_WRITTEN -> part;
              }));
    }
    return String.join(".", parts);
  }

  @Override
  public KeysetSelect keysetSelect(TableSpec table, boolean afterPosition, boolean upperBound) {
    String cursor = "q." + quote(table.cursor().name());
    List<String> keys = qualifiedKeys(table);
    List<KeysetSelect.Parameter> parameters = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    if (afterPosition) {
      List<String> position = new ArrayList<>(List.of(cursor));
      position.addAll(keys);
      where.append(after(position, 0, parameters));
    } else {
      where.append(cursor).append(" IS NOT NULL");
    }
    return cursorOrdered(table, where, parameters, upperBound);
  }

  @Override
  public KeysetSelect keysetSelectFromCursor(TableSpec table, boolean upperBound) {
    List<KeysetSelect.Parameter> parameters = new ArrayList<>();
    StringBuilder where = new StringBuilder("q." + quote(table.cursor().name()) + " >= ?");
    parameters.add(new KeysetSelect.PositionValue(0));
    return cursorOrdered(table, where, parameters, upperBound);
  }

  /** A read ordered by cursor then key, with the lag's upper bound added to {@code where}. */
  private KeysetSelect cursorOrdered(
      TableSpec table,
      StringBuilder where,
      List<KeysetSelect.Parameter> whereParameters,
      boolean upperBound) {
    String cursor = "q." + quote(table.cursor().name());
    List<KeysetSelect.Parameter> parameters = new ArrayList<>(whereParameters);
    if (upperBound) {
      where.append(" AND ").append(cursor).append(" <= ?");
      parameters.add(new KeysetSelect.UpperBound());
    }
    String ceiling = cursorCeiling(table);
    if (ceiling != null) {
      where.append(" AND ").append(cursor).append(" < ").append(ceiling);
    }
    List<String> order = new ArrayList<>(List.of(cursor));
    order.addAll(qualifiedKeys(table));
    return paged(wrappedQuery(table), where.toString(), parameters, order);
  }

  @Override
  public KeysetSelect snapshotSelect(TableSpec table, boolean afterKey) {
    List<KeysetSelect.Parameter> parameters = new ArrayList<>();
    // Rows without a cursor are never synced, in a snapshot as in batches.
    StringBuilder where =
        new StringBuilder("q." + quote(table.cursor().name()) + " IS NOT NULL");
    if (afterKey) {
      where.append(" AND ").append(after(qualifiedKeys(table), 1, parameters));
    }
    return paged(wrappedQuery(table), where.toString(), parameters, qualifiedKeys(table));
  }

  @Override
  public KeysetSelect sourceKeyRange(TableSpec table, boolean keysOnly, boolean afterKey) {
    List<ColumnSpec> columns = keysOnly ? keysAndCursor(table) : table.columns();
    String from =
        joined(columns, c -> "q." + quote(c.name())) + "\nFROM (\n"
            + stripTerminator(table.query()) + "\n) q";
    return keyRange(qualifiedKeys(table), from, afterKey);
  }

  @Override
  public KeysetSelect targetKeyRange(TableSpec table, boolean keysOnly, boolean afterKey) {
    List<String> columns =
        new ArrayList<>(
            (keysOnly ? keysAndCursor(table) : table.columns())
                .stream().map(c -> "t." + quote(c.name())).toList());
    if (table.goneRows().marks()) {
      columns.add("t." + quote(table.softDeleteColumn()));
    }
    String from = String.join(", ", columns) + "\nFROM " + quote(table.targetTable()) + " t";
    return keyRange(table.keys().stream().map(k -> "t." + quote(k.name())).toList(), from, afterKey);
  }

  /** Rows of {@code from} in key order, after a key (its values are elements 1 to n) or all. */
  private KeysetSelect keyRange(List<String> keys, String from, boolean afterKey) {
    List<KeysetSelect.Parameter> parameters = new ArrayList<>();
    String where = afterKey ? after(keys, 1, parameters) : "1 = 1";
    return paged(from, where, parameters, keys);
  }

  /** The key columns, then the cursor: what a reconciliation by keys reads. */
  private static List<ColumnSpec> keysAndCursor(TableSpec table) {
    List<ColumnSpec> columns = new ArrayList<>(table.keys());
    columns.add(table.cursor());
    return columns;
  }

  @Override
  public String keysSelect(TableSpec table, int keys) {
    List<String> alternatives = new ArrayList<>();
    String where;
    if (table.keys().size() == 1) {
      where =
          "q." + quote(table.keys().get(0).name()) + " IN ("
              + String.join(", ", java.util.Collections.nCopies(keys, "?")) + ")";
    } else {
      for (int i = 0; i < keys; i++) {
        alternatives.add("(" + keyColumns(table, c -> "q." + quote(c.name()) + " = ?", " AND ") + ")");
      }
      where = String.join(" OR ", alternatives);
    }
    return "SELECT " + wrappedQuery(table) + "\nWHERE " + where;
  }

  @Override
  public String deleteByKey(TableSpec table) {
    return "DELETE FROM " + quote(table.targetTable()) + " WHERE "
        + keyColumns(table, c -> quote(c.name()) + " = ?", " AND ");
  }

  @Override
  public String softDelete(TableSpec table, boolean gone) {
    String value;
    if (table.goneRows() == GoneRowPolicy.MARK_FLAG) {
      value = "?";
    } else {
      value = gone ? "CURRENT_TIMESTAMP" : "NULL";
    }
    return "UPDATE " + quote(table.targetTable()) + " SET " + quote(table.softDeleteColumn())
        + " = " + value + " WHERE " + keyColumns(table, c -> quote(c.name()) + " = ?", " AND ");
  }

  @Override
  public String countRows(TableSpec table) {
    return "SELECT COUNT(*) FROM " + quote(table.targetTable());
  }

  /**
   * A condition that {@code columns} come after the stored values in their order, lexicographically:
   * {@code c0 >= ? AND (c0 > ? OR (c0 = ? AND c1 > ?) ...)}, whose first term lets MySQL and MariaDB
   * range-scan an index from the first column on (they scan the whole table for row values).
   *
   * @param firstElement the position element of the first column (0 the cursor, 1 the first key)
   */
  protected String after(
      List<String> columns, int firstElement, List<KeysetSelect.Parameter> parameters) {
    StringBuilder after = new StringBuilder();
    if (columns.size() > 1) {
      after.append(columns.get(0)).append(" >= ? AND ");
      parameters.add(new KeysetSelect.PositionValue(firstElement));
    }
    List<String> alternatives = new ArrayList<>();
    for (int level = 1; level <= columns.size(); level++) {
      StringBuilder alternative = new StringBuilder();
      for (int k = 0; k < level; k++) {
        alternative.append(k == 0 ? "" : " AND ").append(columns.get(k));
        alternative.append(k == level - 1 ? " > ?" : " = ?");
        parameters.add(new KeysetSelect.PositionValue(firstElement + k));
      }
      alternatives.add(level == 1 ? alternative.toString() : "(" + alternative + ")");
    }
    return after.append('(').append(String.join(" OR ", alternatives)).append(')').toString();
  }

  /** The table's query wrapped, filtered by {@code where}, ordered by {@code order}, one page. */
  private KeysetSelect paged(
      String columnsAndFrom,
      String where,
      List<KeysetSelect.Parameter> whereParameters,
      List<String> order) {
    List<KeysetSelect.Parameter> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(selectPrefix(parameters));
    sql.append(columnsAndFrom).append("\nWHERE ").append(where);
    parameters.addAll(whereParameters);
    sql.append("\nORDER BY ").append(String.join(", ", order));
    sql.append(selectSuffix(parameters));
    return new KeysetSelect(sql.toString(), parameters);
  }

  private List<String> qualifiedKeys(TableSpec table) {
    return table.keys().stream().map(k -> "q." + quote(k.name())).toList();
  }

  @Override
  public String newestCursorQuery(TableSpec table) {
    return highWaterQuery(table, false);
  }

  @Override
  public String highWaterQuery(TableSpec table, boolean upperBound) {
    String cursor = "q." + quote(table.cursor().name());
    return "SELECT MAX(" + cursor + ")\nFROM (\n" + stripTerminator(table.query()) + "\n) q"
        + (upperBound ? "\nWHERE " + cursor + " <= ?" : "");
  }

  @Override
  public Optional<BulkLoader> bulkLoader(TableSpec table) {
    return Optional.empty();
  }

  @Override
  public List<BulkLoader> backlogLoaders(TableSpec table) {
    return List.of();
  }

  public String keyedSelect(TableSpec table) {
    return "SELECT " + wrappedQuery(table) + "\nWHERE "
        + keyColumns(table, c -> "q." + quote(c.name()) + " = ?", " AND ");
  }

  /** The columns of the table's query, in spec order, and the query nested as {@code q}. */
  private String wrappedQuery(TableSpec table) {
    return joined(table.columns(), c -> "q." + quote(c.name())) + "\nFROM (\n"
        + stripTerminator(table.query()) + "\n) q";
  }

  @Override
  public String targetColumns(TableSpec table) {
    return "SELECT " + columnList(table) + " FROM " + quote(table.targetTable()) + " WHERE 1 = 0";
  }

  /**
   * An expression the cursor of every row read stays below, or null for none: a product's own
   * bound on versions that may still be committed.
   */
  protected String cursorCeiling(TableSpec table) {
    return null;
  }

  /** Text after {@code SELECT}, for products that page there ({@code TOP}). */
  protected String selectPrefix(List<KeysetSelect.Parameter> parameters) {
    return "";
  }

  /** Text after {@code ORDER BY}, for products that page there ({@code LIMIT}). */
  protected String selectSuffix(List<KeysetSelect.Parameter> parameters) {
    parameters.add(new KeysetSelect.Limit());
    return "\nLIMIT ?";
  }

  /**
   * Whether a column holds an instant ({@code Instant}, {@code OffsetDateTime}): what the upsert
   * stores for one depends on the time zones of the driver and the session, which a bulk load's
   * text cannot follow, so such tables take no bulk path.
   */
  protected static boolean hasInstantColumns(TableSpec table) {
    return table.columns().stream()
        .anyMatch(c -> c.javaType() == Instant.class || c.javaType() == OffsetDateTime.class);
  }

  /** The columns' quoted names joined by commas. */
  protected String columnList(TableSpec table) {
    return joined(table.columns(), c -> quote(c.name()));
  }

  /** One {@code ?} per column. */
  protected static String placeholders(TableSpec table) {
    return table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
  }

  /** {@code rows} times one {@code ?} per column, each row in parentheses, joined by commas. */
  protected static String rowsOfPlaceholders(TableSpec table, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("an upsert writes at least one row, not " + rows);
    }
    String row = "(" + placeholders(table) + ")";
    return String.join(", ", java.util.Collections.nCopies(rows, row));
  }

  /** MySQL's, MariaDB's and PostgreSQL's limit: the count is a 16-bit number in their protocols. */
  @Override
  public int maxParameters() {
    return 65_535;
  }

  @Override
  public long maxStatementBytes(Connection connection) throws SQLException {
    return Long.MAX_VALUE;
  }

  @Override
  public boolean undoesFailedStatements() {
    return false;
  }

  /**
   * For a table that marks the rows its source no longer returns, the mark's value for a live
   * row: {@code FALSE} for a flag, {@code NULL} for a time.
   */
  protected String unmarked(TableSpec table) {
    return table.goneRows() == GoneRowPolicy.MARK_FLAG ? falseLiteral() : "NULL";
  }

  /** The literal of a false boolean. */
  protected String falseLiteral() {
    return "FALSE";
  }

  /**
   * For an upsert's update of a table that marks the rows its source no longer returns, the
   * assignment that clears the mark ({@code , qualifier."gone" = FALSE}): a row a batch writes is
   * one the source returns, so a row that comes back is live again at once. Empty for other
   * tables.
   */
  protected String clearedMark(TableSpec table, String qualifier) {
    return table.goneRows().marks()
        ? ", " + qualifier + quote(table.softDeleteColumn()) + " = " + unmarked(table)
        : "";
  }

  /** {@code render} of each column that is not part of the key, joined by commas. */
  protected static String nonKeyColumns(TableSpec table, Function<ColumnSpec, String> render) {
    return joined(
        table.columns().stream().filter(c -> c.role() != ColumnSpec.Role.KEY).toList(), render);
  }

  /** {@code render} of each key column, joined by {@code separator}. */
  protected static String keyColumns(
      TableSpec table, Function<ColumnSpec, String> render, String separator) {
    return table.keys().stream().map(render).collect(Collectors.joining(separator));
  }

  private static String joined(List<ColumnSpec> columns, Function<ColumnSpec, String> render) {
    return columns.stream().map(render).collect(Collectors.joining(", "));
  }

  @Override
  public CursorTableSql cursorTable(String table) {
    return EngineTableSql.cursorTable(this, table);
  }

  @Override
  public RunTableSql runTable(String table) {
    return EngineTableSql.runTable(this, table);
  }

  @Override
  public ReconcileTableSql reconcileTable(String table) {
    return EngineTableSql.reconcileTable(this, table);
  }

  @Override
  public DeadLetterSql deadLetterTable(String table) {
    return EngineTableSql.deadLetterTable(this, table);
  }

  /** Creates {@code table} with {@code definitions} (columns and constraints) unless it exists. */
  protected String createTableUnlessExists(String table, List<String> definitions) {
    return "CREATE TABLE IF NOT EXISTS " + quote(table) + EngineTableSql.body(definitions);
  }

  /** Adds the columns {@code definitions} to {@code table} in one statement. */
  protected String addColumns(String table, List<String> definitions) {
    return "ALTER TABLE " + quote(table) + " ADD COLUMN "
        + String.join(", ADD COLUMN ", definitions);
  }

  /**
   * Selects {@code columns} from {@code quotedTable}'s rows that {@code where} keeps, locking
   * them until the transaction ends: waiting for other holders, or with {@code skipLocked}
   * returning at once without the rows another transaction holds.
   */
  protected String lockedSelect(
      String columns, String quotedTable, String where, boolean skipLocked) {
    return "SELECT " + columns + " FROM " + quotedTable + where
        + (skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE");
  }

  /** The column type of the engine tables' times ({@code updated_at}, {@code failed_at}). */
  protected String timestampType() {
    return "TIMESTAMP";
  }

  /** A column type for text of any length. */
  protected String largeTextType() {
    return "TEXT";
  }

  @Override
  public ErrorKind classify(SQLException error) {
    List<SQLException> chain = chain(error);
    if (chain.stream().anyMatch(this::isTransient)) {
      return ErrorKind.TRANSIENT;
    }
    if (chain.stream().anyMatch(StandardDialect::isBadData)) {
      return ErrorKind.BAD_DATA;
    }
    return ErrorKind.OTHER;
  }

  /**
   * Whether one exception is worth a retry: JDBC's own transient and recoverable classes, and the
   * standard SQLState classes 08 (connection exception) and 40 (transaction rollback, which
   * covers deadlocks and serialization failures). Products add their own codes.
   */
  protected boolean isTransient(SQLException e) {
    return e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || stateClass(e, "08")
        || stateClass(e, "40");
  }

  /** SQLState classes 22 (data exception) and 23 (integrity constraint violation). */
  private static boolean isBadData(SQLException e) {
    return e instanceof SQLDataException
        || e instanceof SQLIntegrityConstraintViolationException
        || stateClass(e, "22")
        || stateClass(e, "23");
  }

  /** Whether the SQLState of {@code e} is in {@code stateClass}. */
  protected static boolean stateClass(SQLException e, String stateClass) {
    return e.getSQLState() != null && e.getSQLState().startsWith(stateClass);
  }

  /** {@code error}, then its causes and chained next exceptions, each once. */
  private static List<SQLException> chain(SQLException error) {
    List<SQLException> chain = new ArrayList<>();
    Set<Throwable> seen = new HashSet<>();
    Deque<Throwable> pending = new ArrayDeque<>(List.of(error));
    while (!pending.isEmpty()) {
      Throwable next = pending.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof SQLException sql) {
        chain.add(sql);
        if (sql.getNextException() != null) {
          pending.add(sql.getNextException());
        }
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
    }
    return chain;
  }

  /** The query without a trailing {@code ;}, so that it can be nested. */
  static String stripTerminator(String query) {
    String trimmed = query.strip();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return trimmed;
  }
}
