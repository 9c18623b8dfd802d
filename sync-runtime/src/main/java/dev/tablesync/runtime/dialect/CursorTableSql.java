package dev.tablesync.runtime.dialect;

/**
 * The statements on the target's cursor table, one row per sync.
 *
 * @param create creates the table unless it exists
 * @param lock reads and locks one sync's row until the transaction ends; parameter: sync name
 * @param insert adds a sync's row with no position; parameter: sync name
 * @param update stores a new position; parameters: cursor, key, rows added, sync name
 */
public record CursorTableSql(String create, String lock, String insert, String update) {}
