package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.OffsetDateTime;

/** A date-time cursor with an offset, keyed by text. */
@SyncTable(
    name = "offset_date_time_cursor",
    targetTable = "offset_date_time_cursor_copy",
    batchSize = 2,
    query = "SELECT code, label, changed_at FROM offset_date_time_cursor")
public record OffsetDateTimeCursor(
    @SyncKey String code, String label, @SyncCursor OffsetDateTime changedAt) {}
