package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.Instant;

/** A table whose cursor is an instant, read two seconds behind the source's clock. */
@SyncTable(
    name = "lagged_event",
    targetTable = "event_copy",
    lagSeconds = 2,
    query = "SELECT id, note, changed_at FROM event")
public record LaggedEvent(@SyncKey long id, String note, @SyncCursor Instant changedAt) {}
