package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@link Product}, reconciled every 200 milliseconds by a scheduler. */
@SyncTable(
    name = "scheduled_product",
    targetTable = "product_copy",
    goneRows = GoneRowPolicy.DELETE,
    reconcileInterval = "200ms",
    query = """
        SELECT p.id, p.name, p.price, p.changed_at
        FROM product p
        WHERE p.status = 'A'
        """)
public record ScheduledProduct(
    @SyncKey long id, String name, BigDecimal price, @SyncCursor LocalDateTime changedAt) {}
