package dev.tablesync.runtime.dialect;

/**
 * The statements on the target's reconcile table, one row per sync with its last reconciliation:
 * what it found and did. Times are ISO-8601 text in UTC and counts plain numbers.
 *
 * @param create creates the table unless it exists
 * @param probe selects every column and no row: fails unless the table is there as created
 * @param delete removes a sync's row; parameter: sync name
 * @param insert adds a sync's row; parameters: sync name, node, started, finished, outcome,
 *     depth, the {@link #COUNTS} in order, error
 * @param read one sync's row; parameter: sync name; columns: node, started, finished, outcome,
 *     depth, the {@link #COUNTS} in order, error
 */
public record ReconcileTableSql(
    String create, String probe, String delete, String insert, String read) {

  /** The counts of a reconciliation, in column order. */
  public static final String COUNTS =
      "source_rows, target_rows, missing_rows, extra_rows, different_rows, repaired_rows,"
          + " deleted_rows, left_to_batches, duration_ms";

  /** The length of the error column; longer errors are cut to fit. */
  public static final int MAX_ERROR_LENGTH = 2000;
}
