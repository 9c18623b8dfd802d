package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.BulkLoader;
import dev.tablesync.runtime.dialect.Dialect;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSpec;
import java.util.Optional;

/**
 * What one table's snapshot runs, rendered once when the engine starts.
 *
 * @param highWater the query of the newest cursor, bounded by the lag when the table has one
 * @param firstChunk the read of the first chunk, in key order
 * @param nextChunk the read of the chunk after a stored key
 * @param bulkLoader the target's bulk path, when it has one for this table
 * @param chunkSize rows per chunk
 */
record SnapshotPlan(
    String highWater,
    KeysetSelect firstChunk,
    KeysetSelect nextChunk,
    Optional<BulkLoader> bulkLoader,
    int chunkSize) {

  static SnapshotPlan of(TableSpec table, Dialect source, Dialect target, int chunkSize) {
    return new SnapshotPlan(
        source.highWaterQuery(table, table.lagSeconds() > 0),
        source.snapshotSelect(table, false),
        source.snapshotSelect(table, true),
        target.bulkLoader(table),
        chunkSize);
  }

  /** The chunk read after {@code reached}'s key, or from the first key when null. */
  KeysetSelect readAfter(Position reached) {
    return reached == null ? firstChunk : nextChunk;
  }
}
