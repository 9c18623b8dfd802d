package dev.tablesync.runtime.dialect;

/**
 * The statements on the target's cursor table, one row per sync.
 *
 * @param create creates the table unless it exists
 * @param read reads one sync's row without locking it; parameter: sync name
 * @param lock reads and locks one sync's row until the transaction ends, waiting while another
 *     transaction holds it; parameter: sync name
 * @param tryLock like {@code lock}, but returns no row at once when another transaction holds it;
 *     parameter: sync name
 * @param insert adds a sync's row with no position; parameter: sync name
 * @param update stores a new position; parameters: cursor, key, rows added, sync name
 */
public record CursorTableSql(
    String create, String read, String lock, String tryLock, String insert, String update) {}
