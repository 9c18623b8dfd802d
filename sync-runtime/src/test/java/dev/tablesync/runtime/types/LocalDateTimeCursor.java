package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** A local date-time cursor, keyed by a number. */
@SyncTable(
    name = "local_date_time_cursor",
    targetTable = "local_date_time_cursor_copy",
    batchSize = 2,
    query = "SELECT id, label, changed_at FROM local_date_time_cursor")
public record LocalDateTimeCursor(
    @SyncKey long id, String label, @SyncCursor LocalDateTime changedAt) {}
