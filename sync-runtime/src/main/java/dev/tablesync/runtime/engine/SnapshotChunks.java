package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What a snapshot chunk does that a batch does not: take the high-water mark, read in key order,
 * and write through the target's bulk path. {@link TableRunner} runs each chunk like a batch,
 * under the cursor row's lock in one target transaction.
 *
 * @param <R> the table's record
 */
final class SnapshotChunks<R extends Record> {

  private final SnapshotPlan plan;
  private final TablePlan tablePlan;
  private final BulkWriter<R> writer;
  private final Class<?> cursorType;

  SnapshotChunks(TableSync<R> sync, SnapshotPlan plan, TablePlan tablePlan, TargetWriter<R> writer) {
    this.plan = plan;
    this.tablePlan = tablePlan;
    this.writer = new BulkWriter<>(sync, tablePlan, writer, plan.bulkLoader().stream().toList());
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
   * Writes {@code records} in the open transaction of {@code target}, through the bulk path where
   * the target has one.
   *
   * @return the rows the target rejected for their data
   */
  List<RejectedRow> write(
      Connection target, TargetWriter.Statements statements, List<R> records)
      throws SQLException {
    return writer.write(target, statements, records);
  }

}
