package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.BulkLoader;
import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a snapshot chunk does that a batch does not: take the high-water mark, read in key order,
 * and write through the target's bulk path. {@link TableRunner} runs each chunk like a batch,
 * under the cursor row's lock in one target transaction.
 *
 * @param <R> the table's record
 */
final class SnapshotChunks<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(SnapshotChunks.class);

  private final TableSync<R> sync;
  private final SnapshotPlan plan;
  private final TablePlan tablePlan;
  private final TargetWriter<R> writer;
  private final Class<?> cursorType;

  SnapshotChunks(TableSync<R> sync, SnapshotPlan plan, TablePlan tablePlan, TargetWriter<R> writer) {
    this.sync = sync;
    this.plan = plan;
    this.tablePlan = tablePlan;
    this.writer = writer;
    this.cursorType = sync.spec().cursor().javaType();
  }

  int chunkSize() {
    return plan.chunkSize();
  }

  /**
   * The newest cursor among the source's rows, at most {@code upperBound} unless it is null;
   * null when no row has one.
   */
  Object highWater(Connection source, Object upperBound) throws SQLException {
    try (PreparedStatement query = source.prepareStatement(plan.highWater())) {
      if (upperBound != null) {
        Parameters.bind(query, 1, upperBound, tablePlan.source().columnValues());
      }
      try (ResultSet max = query.executeQuery()) {
        max.next();
        return Parameters.read(max, 1, cursorType, tablePlan.source().columnValues());
      }
    }
  }

  /** The statement that reads the chunk after {@code reached}'s key (from the first when null). */
  String readSql(Position reached) {
    return plan.readAfter(reached).sql();
  }

  /** Binds the parameters of {@link #readSql}'s statement. */
  void bindRead(PreparedStatement select, Position reached) throws SQLException {
    int index = 1;
    for (KeysetSelect.Parameter parameter : plan.readAfter(reached).parameters()) {
      if (parameter instanceof KeysetSelect.PositionValue value) {
        Parameters.bind(
            select,
            index,
            reached.values().get(value.element()),
            tablePlan.source().columnValues());
      } else {
        select.setInt(index, plan.chunkSize());
      }
      index++;
    }
  }

  /**
   * Writes {@code records} in the open transaction of {@code target}: through the bulk path
   * where the target has one, else, or when the load fails for a row's data or does not store
   * every row as given, undone and upserted in batches, which name the rows at fault.
   *
   * @return the rows the target rejected for their data
   */
  List<RejectedRow> write(
      Connection target, TargetWriter.Statements statements, List<R> records)
      throws SQLException {
    Optional<BulkLoader> loader = plan.bulkLoader();
    if (loader.isPresent() && !records.isEmpty()) {
      Savepoint beforeLoad = target.setSavepoint();
      try {
        if (loader.get().load(target, valuesOf(records))) {
          return List.of();
        }
        log.debug("{}: the bulk load did not store every row as given; upserting", name());
      } catch (SQLException e) {
        if (tablePlan.classify(e) != ErrorKind.BAD_DATA) {
          throw e;
        }
        log.debug("{}: the bulk load was rejected ({}); upserting", name(), Redaction.describe(e));
      }
      target.rollback(beforeLoad);
    }
    return writer.write(target, statements, records);
  }

  /** Each record's values, taken as the load reads it, so that they are never all held. */
  private List<Object[]> valuesOf(List<R> records) {
    return new AbstractList<>() {
      @Override
      public Object[] get(int index) {
        return sync.values(records.get(index));
      }

      @Override
      public int size() {
        return records.size();
      }
    };
  }

  private String name() {
    return sync.spec().name();
  }
}
