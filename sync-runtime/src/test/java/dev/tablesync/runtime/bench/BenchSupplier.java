package dev.tablesync.runtime.bench;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/** The benchmark's table: the seed's supplier shape, eleven columns. */
@SyncTable(
    name = "bench_supplier",
    targetTable = "bench_supplier",
    batchSize = 1000,
    query = """
        SELECT supplier_id, document_status, forbid_status, supplier_number, group_id, master_id,
               org_id, supplier_name, group_number, group_name, last_time
        FROM supplier_src
        """)
public record BenchSupplier(
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
    @SyncCursor LocalDateTime lastTime) {

  /** The column list, in component order, for the hand-written variants. */
  static final String COLUMNS =
      "supplier_id, document_status, forbid_status, supplier_number, group_id, master_id, org_id,"
          + " supplier_name, group_number, group_name, last_time";

  /** The target table in MariaDB. */
  static final String TARGET_DDL =
      """
      CREATE TABLE bench_supplier (
        supplier_id BIGINT NOT NULL PRIMARY KEY, document_status CHAR(1), forbid_status CHAR(1),
        supplier_number VARCHAR(40), group_id BIGINT NOT NULL, master_id BIGINT NOT NULL,
        org_id BIGINT NOT NULL, supplier_name VARCHAR(120), group_number VARCHAR(40),
        group_name VARCHAR(120), last_time DATETIME(6) NOT NULL)""";
}
