package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.Instant;
import java.util.UUID;

/** An instant cursor, keyed by a UUID. */
@SyncTable(
    name = "instant_cursor",
    targetTable = "instant_cursor_copy",
    batchSize = 2,
    query = "SELECT id, label, changed_at FROM instant_cursor")
public record InstantCursor(@SyncKey UUID id, String label, @SyncCursor Instant changedAt) {}
