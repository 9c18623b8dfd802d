package dev.tablesync.runtime.quartz;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** One of the tables the Quartz cluster test syncs; they differ only in name. */
@SyncTable(
    name = "consignment",
    targetTable = "consignment_copy",
    batchSize = 100,
    interval = "1s",
    query = "SELECT id, label, changed_at FROM consignment")
public record Consignment(@SyncKey long id, String label, @SyncCursor LocalDateTime changedAt) {}
