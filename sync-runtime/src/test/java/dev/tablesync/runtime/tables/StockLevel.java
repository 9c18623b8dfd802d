package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncColumn;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** A table with a two-column key and a renamed column. */
@SyncTable(
    name = "stock_level",
    targetTable = "stock_level_copy",
    batchSize = 50,
    query = "SELECT warehouse, sku, qty, updated_at FROM stock_level")
public record StockLevel(
    @SyncKey String warehouse,
    @SyncKey int sku,
    @SyncColumn("qty") Integer quantity,
    @SyncCursor LocalDateTime updatedAt) {}
