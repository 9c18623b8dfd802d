package dev.tablesync.runtime.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How batches catch up on a table far behind (a new sync without a snapshot, a mass update in
 * the source): once a run has read a chunk's worth of rows in full batches, its next reads ask
 * for a chunk of rows, and a chunk that comes back full (at least that many rows were pending)
 * is written through the target's staged bulk path, a staging table and one set-based upsert
 * from it. A run behind by less than a chunk keeps to batches.
 * Everything else about a batch stays: one target transaction under the cursor row's lock, the
 * position stored in it, bad rows found by the upserts the bulk path falls back to.
 *
 * @param <R> the table's record
 */
final class Backlog<R extends Record> {

  private final int batchSize;
  private final int chunkSize;
  private final BulkWriter<R> bulk;
  private final TargetWriter<R> writer;

  /**
   * @param chunkSize rows per chunk; chunks are off when it is not larger than {@code batchSize}
   */
  Backlog(int batchSize, int chunkSize, BulkWriter<R> bulk, TargetWriter<R> writer) {
    this.batchSize = batchSize;
    this.chunkSize = chunkSize;
    this.bulk = bulk;
    this.writer = writer;
  }

  /** The rows the read after a full one asks for, once the run has read {@code rowsRead}. */
  int readSizeAfterFull(long rowsRead) {
    return chunksOn() && rowsRead >= chunkSize ? chunkSize : batchSize;
  }

  /** Writes a batch's records: a full chunk through the bulk path, else with upserts. */
  List<RejectedRow> write(
      Connection target, TargetWriter.Statements statements, List<R> records)
      throws SQLException {
    return chunksOn() && records.size() >= chunkSize
        ? bulk.write(target, statements, records)
        : writer.write(target, statements, records);
  }

  private boolean chunksOn() {
    return chunkSize > batchSize;
  }
}
