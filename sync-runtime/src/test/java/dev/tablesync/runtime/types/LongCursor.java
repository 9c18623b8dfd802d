package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;

/** A version number cursor, keyed by an int. */
@SyncTable(
    name = "long_cursor",
    targetTable = "long_cursor_copy",
    batchSize = 2,
    query = "SELECT id, label, revision FROM long_cursor")
public record LongCursor(@SyncKey int id, String label, @SyncCursor long revision) {}
