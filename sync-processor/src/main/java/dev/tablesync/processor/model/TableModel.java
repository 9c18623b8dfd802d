package dev.tablesync.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One {@code @SyncTable} record, read and checked, ready to generate its syncer from.
 *
 * @param record the annotated record
 * @param syncer the class to generate
 * @param name the sync's unique name
 * @param source the logical source data source
 * @param target the logical target data source
 * @param targetTable the target table
 * @param query the source query
 * @param batchSize rows per batch
 * @param lagSeconds the lag behind the source clock
 * @param columns the columns in component order
 * @param interval the scheduling interval as written; empty for none
 * @param cron the scheduling cron expression; empty for none
 * @param badRows the name of the bad-row policy constant
 * @param goneRows the name of the gone-row policy constant
 * @param softDeleteColumn the target column a soft delete marks; empty for none
 * @param deleteGuard the share of the target one reconciliation may delete; negative for the
 *     engine's
 * @param reconcileInterval the reconciliation interval as written; empty for none
 * @param reconcileCron the reconciliation cron expression; empty for none
 */
public record TableModel(
    ClassName record,
    ClassName syncer,
    String name,
    String source,
    String target,
    String targetTable,
    String query,
    int batchSize,
    int lagSeconds,
    List<ColumnModel> columns,
    String interval,
    String cron,
    String badRows,
    String goneRows,
    String softDeleteColumn,
    double deleteGuard,
    String reconcileInterval,
    String reconcileCron) {

  public TableModel {
    columns = List.copyOf(columns);
  }
}
