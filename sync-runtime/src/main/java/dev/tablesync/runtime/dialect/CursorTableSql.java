package dev.tablesync.runtime.dialect;

/**
 * The statements on the target's cursor table, one row per sync. Each read returns the cursor,
 * key, rows synced, and the snapshot's high-water mark and last key.
 *
 * @param create creates the table unless it exists
 * @param probe selects the columns of the first version and no row: fails unless the table is
 *     there
 * @param read reads one sync's row without locking it; parameter: sync name
 * @param lock reads and locks one sync's row until the transaction ends, waiting while another
 *     transaction holds it; parameter: sync name
 * @param tryLock like {@code lock}, but returns no row at once when another transaction holds it;
 *     parameter: sync name
 * @param insert adds a sync's row with no position; parameter: sync name
 * @param update stores a new position and ends any snapshot; parameters: cursor, key (NULL for
 *     the start of the cursor), rows added, sync name
 * @param updateSnapshot stores how far a snapshot got; parameters: high-water mark, last key,
 *     rows added, sync name
 * @param addSnapshotColumns adds the snapshot's columns to a cursor table created before them
 * @param probeSnapshotColumns selects the snapshot's columns and no row: fails unless they are
 *     there
 * @param delete deletes a sync's row, so that its next run starts over; parameter: sync name
 */
public record CursorTableSql(
    String create,
    String probe,
    String read,
    String lock,
    String tryLock,
    String insert,
    String update,
    String updateSnapshot,
    String addSnapshotColumns,
    String probeSnapshotColumns,
    String delete) {}
