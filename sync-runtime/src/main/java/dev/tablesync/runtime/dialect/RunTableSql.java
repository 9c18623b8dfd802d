package dev.tablesync.runtime.dialect;

/**
 * The statements on the target's run table, one row per sync with its last run. Times are ISO-8601
 * text in UTC and counts plain numbers, which every product stores alike.
 *
 * @param create creates the table unless it exists
 * @param probe selects every column and no row: fails unless the table is there as created
 * @param update stores a run over the sync's row; parameters: node, started, finished, outcome,
 *     rows written, failure factor and failure addend (0, 0 after a success; 1, 1 after a
 *     failure), error, error time, sync name
 * @param insert adds a sync's first run; parameters: sync name, node, started, finished, outcome,
 *     rows written, failures in a row, error, error time
 * @param read one sync's row; parameter: sync name; columns: node, started, finished, outcome,
 *     rows written, failures in a row, last error, last error time
 */
public record RunTableSql(String create, String probe, String update, String insert, String read) {

  /** The length of the error column; longer errors are cut to fit. */
  public static final int MAX_ERROR_LENGTH = 2000;
}
