package dev.tablesync.runtime.dialect;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.TableSpec;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL most products share; each product's dialect overrides what it does differently. Names
 * are validated before they are quoted, so no identifier can carry SQL, and are folded to the
 * case the database stores unquoted names in, so that quoting does not change which table an
 * unquoted DDL name meant.
 */
public abstract class StandardDialect implements Dialect {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

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
      if (!IDENTIFIER.matcher(part).matches()) {
        throw new IllegalArgumentException(
            "not a valid SQL identifier: '" + identifier + "' (use letters, digits and '_')");
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
      where.append(cursor).append(" >= ?");
      parameters.add(new KeysetSelect.PositionValue(0));
      where.append(" AND (").append(cursor).append(" > ?");
      parameters.add(new KeysetSelect.PositionValue(0));
      for (int level = 1; level <= keys.size(); level++) {
        where.append(" OR (").append(cursor).append(" = ?");
        parameters.add(new KeysetSelect.PositionValue(0));
        for (int k = 0; k < level; k++) {
          where.append(" AND ").append(keys.get(k)).append(k == level - 1 ? " > ?" : " = ?");
          parameters.add(new KeysetSelect.PositionValue(k + 1));
        }
        where.append(')');
      }
      where.append(')');
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
      where.append(" AND ").append(keysAfter(qualifiedKeys(table), parameters));
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
    String where = afterKey ? keysAfter(keys, parameters) : "1 = 1";
    return paged(from, where, parameters, keys);
  }

  /** The key columns, then the cursor: what a reconciliation by keys reads. */
  private static List<ColumnSpec> keysAndCursor(TableSpec table) {
    List<ColumnSpec> columns = new ArrayList<>(table.keys());
    columns.add(table.cursor());
    return columns;
  }

  /**
   * The condition that {@code keys} come after a key, whose values are elements 1 to n of the
   * parameters it adds.
   */
  private static String keysAfter(List<String> keys, List<KeysetSelect.Parameter> parameters) {
    StringBuilder where = new StringBuilder();
    if (keys.size() > 1) {
      // Lets the database range-scan the key's index from the first column on.
      where.append(keys.get(0)).append(" >= ? AND ");
      parameters.add(new KeysetSelect.PositionValue(1));
    }
    List<String> alternatives = new ArrayList<>();
    for (int level = 1; level <= keys.size(); level++) {
      StringBuilder alternative = new StringBuilder();
      for (int k = 0; k < level; k++) {
        alternative.append(k == 0 ? "" : " AND ").append(keys.get(k));
        alternative.append(k == level - 1 ? " > ?" : " = ?");
        parameters.add(new KeysetSelect.PositionValue(k + 1));
      }
      alternatives.add(level == 1 ? alternative.toString() : "(" + alternative + ")");
    }
    return where.append('(').append(String.join(" OR ", alternatives)).append(')').toString();
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
    String name = quote(table);
    String read =
        "SELECT cursor_value, key_value, rows_synced, snapshot_high_water, snapshot_key FROM "
            + name + " WHERE sync_name = ?";
    return new CursorTableSql(
        "CREATE TABLE IF NOT EXISTS " + name + " (\n"
            + "  sync_name VARCHAR(128) NOT NULL PRIMARY KEY,\n"
            + "  cursor_value VARCHAR(1000),\n"
            + "  key_value VARCHAR(4000),\n"
            + "  rows_synced BIGINT NOT NULL,\n"
            + "  updated_at " + timestampType() + " NOT NULL,\n"
            + "  snapshot_high_water VARCHAR(1000),\n"
            + "  snapshot_key VARCHAR(4000)\n"
            + ")",
        read,
        read + " FOR UPDATE",
        read + " FOR UPDATE SKIP LOCKED",
        "INSERT INTO " + name
            + " (sync_name, rows_synced, updated_at) VALUES (?, 0, CURRENT_TIMESTAMP)",
        "UPDATE " + name
            + " SET cursor_value = ?, key_value = ?, snapshot_high_water = NULL,"
            + " snapshot_key = NULL, rows_synced = rows_synced + ?,"
            + " updated_at = CURRENT_TIMESTAMP WHERE sync_name = ?",
        "UPDATE " + name
            + " SET snapshot_high_water = ?, snapshot_key = ?, rows_synced = rows_synced + ?,"
            + " updated_at = CURRENT_TIMESTAMP WHERE sync_name = ?",
        "ALTER TABLE " + name + " ADD COLUMN snapshot_high_water VARCHAR(1000),"
            + " ADD COLUMN snapshot_key VARCHAR(4000)");
  }

  @Override
  public DeadLetterSql deadLetterTable(String table) {
    String name = quote(table);
    return new DeadLetterSql(
        "CREATE TABLE IF NOT EXISTS " + name + " (\n"
            + "  sync_name VARCHAR(128) NOT NULL,\n"
            + "  key_value VARCHAR(500) NOT NULL,\n"
            + "  cursor_value VARCHAR(1000) NOT NULL,\n"
            + "  error VARCHAR(4000) NOT NULL,\n"
            + "  row_text " + largeTextType() + " NOT NULL,\n"
            + "  failed_at " + timestampType() + " NOT NULL,\n"
            + "  PRIMARY KEY (sync_name, key_value)\n"
            + ")",
        "INSERT INTO " + name + " (sync_name, key_value, cursor_value, error, row_text, failed_at)"
            + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
        "DELETE FROM " + name + " WHERE sync_name = ? AND key_value = ?",
        "SELECT key_value, cursor_value, error, row_text, failed_at FROM " + name
            + " WHERE sync_name = ? ORDER BY failed_at, key_value");
  }

  /** The column type of the cursor table's {@code updated_at}. */
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
