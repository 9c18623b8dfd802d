package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** The {@link Ticket} table, read two seconds behind the source's clock. */
@SyncTable(
    name = "lagged_ticket",
    targetTable = "ticket_copy",
    lagSeconds = 2,
    query = "SELECT id, subject, changed_at FROM ticket")
public record LaggedTicket(
    @SyncKey long id, String subject, @SyncCursor LocalDateTime changedAt) {}
