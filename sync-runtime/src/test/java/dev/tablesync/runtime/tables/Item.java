package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A table with a single-column key. */
@SyncTable(
    name = "item",
    targetTable = "item_copy",
    batchSize = 100,
    query = """
        SELECT i.id, i.name, i.price, i.changed_at
        FROM item i
        WHERE i.deleted = 0
        """)
public record Item(
    @SyncKey long id, String name, BigDecimal price, @SyncCursor LocalDateTime changedAt) {}
