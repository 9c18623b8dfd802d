package dev.tablesync.sample.tables;

import dev.tablesync.annotations.SyncColumn;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Materials from the ERP into {@code wms_material}. Adding this table took this record and
 * nothing else: no engine code, no configuration.
 */
@SyncTable(
    name = "material",
    targetTable = "wms_material",
    targetSchema = "src/main/resources/db/wms",
    sourceSchema = "src/main/resources/db/erp/erp_tables.sql",
    batchSize = 2000,
    query = """
        SELECT m.FMATERIALID AS material_id,
               m.FNUMBER AS material_number,
               (SELECT L.FNAME FROM dbo.T_BD_MATERIAL_L L WHERE L.FMATERIALID = m.FMATERIALID) AS material_name,
               (SELECT L.FSPECIFICATION FROM dbo.T_BD_MATERIAL_L L WHERE L.FMATERIALID = m.FMATERIALID) AS specification,
               m.FNETWEIGHT AS net_weight,
               m.FMODIFYDATE AS last_time
        FROM dbo.T_BD_MATERIAL m
        WHERE m.FDOCUMENTSTATUS = 'C'
        """)
public record Material(
    @SyncKey long materialId,
    String materialNumber,
    String materialName,
    @SyncColumn("specification") String spec,
    BigDecimal netWeight,
    @SyncCursor LocalDateTime lastTime) {}
