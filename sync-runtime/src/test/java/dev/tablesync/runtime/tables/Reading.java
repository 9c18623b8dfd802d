package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/**
 * A table of batches larger than one statement may carry: 25,000 rows of three columns are 75,000
 * parameters, over the 65,535 of MySQL, MariaDB and PostgreSQL.
 */
@SyncTable(
    name = "reading",
    targetTable = "reading_copy",
    batchSize = 25_000,
    query = "SELECT id, body, changed_at FROM reading")
public record Reading(@SyncKey long id, String body, @SyncCursor LocalDateTime changedAt) {}
