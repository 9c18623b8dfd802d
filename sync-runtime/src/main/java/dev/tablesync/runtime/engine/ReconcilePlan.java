package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.dialect.Dialect;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSpec;

/**
 * What one table's reconciliation runs, rendered once when the engine starts.
 *
 * @param sourceKeys the source's key ranges by key and cursor
 * @param sourceRows the source's key ranges with every column
 * @param targetKeys the target's key ranges by key and cursor (and soft-delete mark)
 * @param targetRows the target's key ranges with every column (and soft-delete mark)
 * @param recheck the read of up to {@link #RECHECK_KEYS} source rows by key
 * @param delete the delete of one target row by key
 * @param markGone the soft delete of one target row by key
 * @param markBack the clearing of one target row's soft delete, by key
 * @param countTarget the count of the target table's rows
 * @param rangeSize rows per key range, each one target transaction
 */
record ReconcilePlan(
    RangeReads sourceKeys,
    RangeReads sourceRows,
    RangeReads targetKeys,
    RangeReads targetRows,
    String recheck,
    String delete,
    String markGone,
    String markBack,
    String countTarget,
    int rangeSize) {

  /** Keys per re-check of the source: the read is rendered for this many, the last repeated. */
  static final int RECHECK_KEYS = 100;

  /** The reads of one side at one depth: the first range, and the range after a key. */
  record RangeReads(KeysetSelect first, KeysetSelect next) {
    KeysetSelect after(Object lastKey) {
      return lastKey == null ? first : next;
    }
  }

  static ReconcilePlan of(TableSpec table, Dialect source, Dialect target, int rangeSize) {
    boolean marks = table.goneRows().marks();
    return new ReconcilePlan(
        new RangeReads(
            source.sourceKeyRange(table, true, false), source.sourceKeyRange(table, true, true)),
        new RangeReads(
            source.sourceKeyRange(table, false, false), source.sourceKeyRange(table, false, true)),
        new RangeReads(
            target.targetKeyRange(table, true, false), target.targetKeyRange(table, true, true)),
        new RangeReads(
            target.targetKeyRange(table, false, false), target.targetKeyRange(table, false, true)),
        source.keysSelect(table, RECHECK_KEYS),
        target.deleteByKey(table),
        marks ? target.softDelete(table, true) : null,
        marks ? target.softDelete(table, false) : null,
        target.countRows(table),
        rangeSize);
  }

  RangeReads source(ReconcileDepth depth) {
    return depth == ReconcileDepth.FULL ? sourceRows : sourceKeys;
  }

  RangeReads target(ReconcileDepth depth) {
    return depth == ReconcileDepth.FULL ? targetRows : targetKeys;
  }
}
