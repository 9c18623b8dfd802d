package dev.tablesync.sample.tables;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.time.LocalDateTime;

/**
 * Suppliers from the ERP (SQL Server) into the warehouse system's {@code wms_supplier}: the
 * seed's first table, with its query as written for SQL Server. Only audited ({@code C}) and
 * enabled ({@code A}) suppliers are copied; a reconciliation deletes the suppliers the ERP
 * deleted or forbade.
 */
@SyncTable(
    name = "supplier",
    targetTable = "wms_supplier",
    targetSchema = "src/main/resources/db/wms",
    sourceSchema = "src/main/resources/db/erp/erp_tables.sql",
    batchSize = 1000,
    goneRows = GoneRowPolicy.DELETE,
    query = """
        SELECT a.FSUPPLIERID AS supplier_id,
               a.FDOCUMENTSTATUS AS supplier_document_status,
               a.FFORBIDSTATUS AS supplier_forbide_status,
               a.FNUMBER AS supplier_number,
               a.FPRIMARYGROUP AS supplier_group_id,
               a.FMASTERID AS master_id,
               a.FUSEORGID AS user_org_id,
               a.FMODIFYDATE AS last_time,
               (SELECT L.FNAME FROM dbo.T_BD_SUPPLIER_L L WHERE L.FSUPPLIERID = a.FSUPPLIERID) AS supplier_name,
               (SELECT G.FNUMBER FROM dbo.T_BD_SUPPLIERGROUP G WHERE G.FID = a.FPRIMARYGROUP) AS supplier_group_number,
               (SELECT GL.FNAME FROM dbo.T_BD_SUPPLIERGROUP_L GL WHERE GL.FID = a.FPRIMARYGROUP) AS supplier_group_name
        FROM dbo.T_BD_SUPPLIER a
        WHERE a.FDOCUMENTSTATUS = 'C' AND a.FFORBIDSTATUS = 'A'
        """)
public record Supplier(
    @SyncKey long supplierId,
    String supplierDocumentStatus,
    String supplierForbideStatus,
    String supplierNumber,
    long supplierGroupId,
    long masterId,
    long userOrgId,
    @SyncCursor LocalDateTime lastTime,
    String supplierName,
    String supplierGroupNumber,
    String supplierGroupName) {}
