package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.BadRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The {@link Part} table, with bad rows set aside in the dead-letter table. */
@SyncTable(
    name = "salvaged_part",
    targetTable = "part_copy",
    batchSize = 10,
    badRows = BadRowPolicy.DEAD_LETTER,
    query = "SELECT id, name, price, quantity, made_on, label, changed_at FROM part")
public record SalvagedPart(
    @SyncKey long id,
    String name,
    BigDecimal price,
    int quantity,
    LocalDate madeOn,
    String label,
    @SyncCursor LocalDateTime changedAt) {}
