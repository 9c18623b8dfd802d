package dev.tablesync.runtime.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of the engine's own tables in a target (cursors, runs, reconciliations, dead letters),
 * in one place for every product: a product changes only the hooks it differs in ({@link
 * StandardDialect#createTableUnlessExists}, {@link StandardDialect#addColumns}, {@link
 * StandardDialect#lockedSelect} and the column types).
 */
final class EngineTableSql {

  /** Columns of the cursor table's first version. */
  private static final String CURSOR_COLUMNS =
      "sync_name, cursor_value, key_value, rows_synced, updated_at";

  private static final List<String> SNAPSHOT_COLUMNS =
      List.of("snapshot_high_water VARCHAR(1000)", "snapshot_key VARCHAR(4000)");

  private static final String CURSOR_ROW =
      "cursor_value, key_value, rows_synced, snapshot_high_water, snapshot_key";

  private static final String RUN_COLUMNS =
      "node, started_at, finished_at, outcome, rows_written, failures_in_a_row, last_error,"
          + " last_error_at";

  /** The columns that the run and the reconcile table both begin with: whose, where and how. */
  private static final List<String> OUTCOME_DEFINITIONS =
      List.of(
          "sync_name VARCHAR(128) NOT NULL PRIMARY KEY",
          "node VARCHAR(200) NOT NULL",
          "started_at VARCHAR(40) NOT NULL",
          "finished_at VARCHAR(40) NOT NULL",
          "outcome VARCHAR(16) NOT NULL");

  private EngineTableSql() {}

  static CursorTableSql cursorTable(StandardDialect dialect, String table) {
    String name = dialect.quote(table);
    String where = " WHERE sync_name = ?";
    return new CursorTableSql(
        dialect.createTableUnlessExists(
            table,
            List.of(
                "sync_name VARCHAR(128) NOT NULL PRIMARY KEY",
                "cursor_value VARCHAR(1000)",
                "key_value VARCHAR(4000)",
                "rows_synced BIGINT NOT NULL",
                "updated_at " + dialect.timestampType() + " NOT NULL",
                SNAPSHOT_COLUMNS.get(0),
                SNAPSHOT_COLUMNS.get(1))),
        probe(name, CURSOR_COLUMNS),
        "SELECT " + CURSOR_ROW + " FROM " + name + where,
        dialect.lockedSelect(CURSOR_ROW, name, where, false),
        dialect.lockedSelect(CURSOR_ROW, name, where, true),
        "INSERT INTO " + name
            + " (sync_name, rows_synced, updated_at) VALUES (?, 0, CURRENT_TIMESTAMP)",
        "UPDATE " + name
            + " SET cursor_value = ?, key_value = ?, snapshot_high_water = NULL,"
            + " snapshot_key = NULL, rows_synced = rows_synced + ?,"
            + " updated_at = CURRENT_TIMESTAMP" + where,
        "UPDATE " + name
            + " SET snapshot_high_water = ?, snapshot_key = ?, rows_synced = rows_synced + ?,"
            + " updated_at = CURRENT_TIMESTAMP" + where,
        dialect.addColumns(table, SNAPSHOT_COLUMNS),
        probe(name, "snapshot_high_water, snapshot_key"),
        "DELETE FROM " + name + where);
  }

  static RunTableSql runTable(StandardDialect dialect, String table) {
    String name = dialect.quote(table);
    return new RunTableSql(
        dialect.createTableUnlessExists(
            table,
            withOutcome(
                "rows_written BIGINT NOT NULL",
                "failures_in_a_row INT NOT NULL",
                "last_error VARCHAR(" + RunTableSql.MAX_ERROR_LENGTH + ")",
                "last_error_at VARCHAR(40)")),
        probe(name, "sync_name, " + RUN_COLUMNS),
        // On success both factors are 0 and the count resets; on failure it goes up by one.
        "UPDATE " + name + " SET node = ?, started_at = ?, finished_at = ?, outcome = ?,"
            + " rows_written = ?, failures_in_a_row = failures_in_a_row * ? + ?,"
            + " last_error = COALESCE(?, last_error), last_error_at = COALESCE(?, last_error_at)"
            + " WHERE sync_name = ?",
        "INSERT INTO " + name + " (sync_name, " + RUN_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "SELECT " + RUN_COLUMNS + " FROM " + name + " WHERE sync_name = ?");
  }

  static ReconcileTableSql reconcileTable(StandardDialect dialect, String table) {
    String name = dialect.quote(table);
    String columns =
        "node, started_at, finished_at, outcome, depth, " + ReconcileTableSql.COUNTS + ", error";
    List<String> definitions = new ArrayList<>(withOutcome("depth VARCHAR(8)"));
    for (String count : ReconcileTableSql.COUNTS.split(", ")) {
      definitions.add(count + " BIGINT");
    }
    definitions.add("error VARCHAR(" + ReconcileTableSql.MAX_ERROR_LENGTH + ")");
    return new ReconcileTableSql(
        dialect.createTableUnlessExists(table, definitions),
        probe(name, "sync_name, " + columns),
        "DELETE FROM " + name + " WHERE sync_name = ?",
        "INSERT INTO " + name + " (sync_name, " + columns + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "SELECT " + columns + " FROM " + name + " WHERE sync_name = ?");
  }

  static DeadLetterSql deadLetterTable(StandardDialect dialect, String table) {
    String name = dialect.quote(table);
    String columns = "key_value, cursor_value, error, row_text, failed_at";
    return new DeadLetterSql(
        dialect.createTableUnlessExists(
            table,
            List.of(
                "sync_name VARCHAR(128) NOT NULL",
                "key_value VARCHAR(500) NOT NULL",
                "cursor_value VARCHAR(1000) NOT NULL",
                "error VARCHAR(" + DeadLetterSql.MAX_ERROR_LENGTH + ") NOT NULL",
                "row_text " + dialect.largeTextType() + " NOT NULL",
                "failed_at " + dialect.timestampType() + " NOT NULL",
                "PRIMARY KEY (sync_name, key_value)")),
        probe(name, "sync_name, " + columns),
        "INSERT INTO " + name + " (sync_name, " + columns + ")"
            + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
        "DELETE FROM " + name + " WHERE sync_name = ? AND key_value = ?",
        "SELECT " + columns + " FROM " + name + " WHERE sync_name = ? ORDER BY failed_at, key_value");
  }

  /** The outcome columns, then {@code more}. */
  private static List<String> withOutcome(String... more) {
    List<String> definitions = new ArrayList<>(OUTCOME_DEFINITIONS);
    definitions.addAll(List.of(more));
    return definitions;
  }

  /** A query of {@code columns} that returns no row, and fails when one of them is missing. */
  private static String probe(String quotedTable, String columns) {
    return "SELECT " + columns + " FROM " + quotedTable + " WHERE 1 = 0";
  }

  /** {@code definitions} as the body of a {@code CREATE TABLE}, one per line. */
  static String body(List<String> definitions) {
    return definitions.stream().map(d -> "  " + d).collect(Collectors.joining(",\n", " (\n", "\n)"));
  }
}
