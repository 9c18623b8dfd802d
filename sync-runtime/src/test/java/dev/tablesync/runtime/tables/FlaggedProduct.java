package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@link Product}'s table, flagging a row that left the query in {@code is_gone}. */
@SyncTable(
    name = "flagged_product",
    targetTable = "product_copy",
    batchSize = 100,
    goneRows = GoneRowPolicy.MARK_FLAG,
    softDeleteColumn = "is_gone",
    query = """
        SELECT p.id, p.name, p.price, p.changed_at
        FROM product p
        WHERE p.status = 'A'
        """)
public record FlaggedProduct(
    @SyncKey long id, String name, BigDecimal price, @SyncCursor LocalDateTime changedAt) {}
