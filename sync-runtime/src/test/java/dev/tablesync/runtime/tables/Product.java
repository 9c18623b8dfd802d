package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A table whose query filters on a status, and whose target deletes the rows that leave it. */
@SyncTable(
    name = "product",
    targetTable = "product_copy",
    batchSize = 100,
    goneRows = GoneRowPolicy.DELETE,
    query = """
        SELECT p.id, p.name, p.price, p.changed_at
        FROM product p
        WHERE p.status = 'A'
        """)
public record Product(
    @SyncKey long id, String name, BigDecimal price, @SyncCursor LocalDateTime changedAt) {}
