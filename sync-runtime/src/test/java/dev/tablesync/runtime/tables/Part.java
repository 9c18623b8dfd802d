package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A table with a column for each kind of bad value; a bad row fails its batch. */
@SyncTable(
    name = "part",
    targetTable = "part_copy",
    batchSize = 10,
    query = "SELECT id, name, price, quantity, made_on, label, changed_at FROM part")
public record Part(
    @SyncKey long id,
    String name,
    BigDecimal price,
    int quantity,
    LocalDate madeOn,
    String label,
    @SyncCursor LocalDateTime changedAt) {}
