package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@link Product}'s table, marking the time a row left the query in {@code gone_at}. */
@SyncTable(
    name = "marked_product",
    targetTable = "product_copy",
    batchSize = 100,
    goneRows = GoneRowPolicy.MARK_TIME,
    softDeleteColumn = "gone_at",
    query = """
        SELECT p.id, p.name, p.price, p.changed_at
        FROM product p
        WHERE p.status = 'A'
        """)
public record MarkedProduct(
    @SyncKey long id, String name, BigDecimal price, @SyncCursor LocalDateTime changedAt) {}
