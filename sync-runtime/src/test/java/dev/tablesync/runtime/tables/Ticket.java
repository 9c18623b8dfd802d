package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** A table whose change time the source sets from its own clock, read with no lag. */
@SyncTable(
    name = "ticket",
    targetTable = "ticket_copy",
    query = "SELECT id, subject, changed_at FROM ticket")
public record Ticket(@SyncKey long id, String subject, @SyncCursor LocalDateTime changedAt) {}
