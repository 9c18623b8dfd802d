package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** A table keyed by text, in batches of three, so that stored positions hold awkward keys. */
@SyncTable(
    name = "note",
    targetTable = "note_copy",
    batchSize = 3,
    query = "SELECT code, body, changed_at FROM note")
public record Note(@SyncKey String code, String body, @SyncCursor LocalDateTime changedAt) {}
