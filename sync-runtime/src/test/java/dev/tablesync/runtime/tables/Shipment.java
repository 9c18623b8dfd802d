package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** A table synced in batches of four, so that a small change spans several batches. */
@SyncTable(
    name = "shipment",
    targetTable = "shipment_copy",
    batchSize = 4,
    query = "SELECT id, label, weight, changed_at FROM shipment")
public record Shipment(
    @SyncKey long id, String label, int weight, @SyncCursor LocalDateTime changedAt) {}
