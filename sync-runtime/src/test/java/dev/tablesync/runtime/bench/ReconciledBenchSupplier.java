package dev.tablesync.runtime.bench;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** {@link BenchSupplier}'s table, whose reconciliation deletes the rows gone from the source. */
@SyncTable(
    name = "bench_reconcile",
    targetTable = "bench_supplier",
    goneRows = GoneRowPolicy.DELETE,
    query = """
        SELECT supplier_id, document_status, forbid_status, supplier_number, group_id, master_id,
               org_id, supplier_name, group_number, group_name, last_time
        FROM supplier_src
        """)
public record ReconciledBenchSupplier(
    @SyncKey long supplierId,
    String documentStatus,
    String forbidStatus,
    String supplierNumber,
    long groupId,
    long masterId,
    long orgId,
    String supplierName,
    String groupNumber,
    String groupName,
    @SyncCursor LocalDateTime lastTime) {}
