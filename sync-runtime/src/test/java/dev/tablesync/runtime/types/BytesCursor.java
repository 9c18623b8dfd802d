package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;

/**
 * A binary version cursor, as SQL Server's {@code rowversion}: eight bytes compared as an
 * unsigned big-endian number.
 */
@SyncTable(
    name = "bytes_cursor",
    targetTable = "bytes_cursor_copy",
    batchSize = 2,
    query = "SELECT id, label, row_version FROM bytes_cursor")
public record BytesCursor(@SyncKey long id, String label, @SyncCursor byte[] rowVersion) {}
