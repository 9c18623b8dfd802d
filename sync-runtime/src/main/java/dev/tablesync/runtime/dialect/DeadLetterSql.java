package dev.tablesync.runtime.dialect;

/**
 * The statements on the target's dead-letter table, where rows that could not be synced are set
 * aside: one row per sync and key.
 *
 * @param create creates the table unless it exists
 * @param probe selects every column and no row: fails unless the table is there as created
 * @param insert sets a row aside; parameters: sync name, key, cursor, error, the row as text
 * @param delete removes a row; parameters: sync name, key
 * @param list every row of one sync, oldest first; parameter: sync name; columns: key, cursor,
 *     error, row, failed at
 */
public record DeadLetterSql(
    String create, String probe, String insert, String delete, String list) {

  /** The length of the error column; longer errors are cut to fit. */
  public static final int MAX_ERROR_LENGTH = 4000;
}
