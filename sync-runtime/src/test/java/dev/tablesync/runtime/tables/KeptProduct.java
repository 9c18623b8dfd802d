package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@link Product}'s table, keeping the rows that leave the query (the default). */
@SyncTable(
    name = "kept_product",
    targetTable = "product_copy",
    batchSize = 100,
    query = """
        SELECT p.id, p.name, p.price, p.changed_at
        FROM product p
        WHERE p.status = 'A'
        """)
public record KeptProduct(
    @SyncKey long id, String name, BigDecimal price, @SyncCursor LocalDateTime changedAt) {}
