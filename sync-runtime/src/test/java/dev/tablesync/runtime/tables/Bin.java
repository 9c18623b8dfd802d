package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;
import java.util.UUID;

/** A two-column key of text and a UUID, whose target deletes the rows the source deleted. */
@SyncTable(
    name = "bin",
    targetTable = "bin_copy",
    batchSize = 100,
    goneRows = GoneRowPolicy.DELETE,
    query = "SELECT warehouse, bin_id, label, changed_at FROM bin")
public record Bin(
    @SyncKey String warehouse,
    @SyncKey UUID binId,
    String label,
    @SyncCursor LocalDateTime changedAt) {}
