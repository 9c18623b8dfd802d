package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts a batch's records into the target as one JDBC batch. When the target rejects it for a
 * row's data, it undoes the batch to a savepoint and writes the records again one by one, each in
 * a savepoint of its own, to find the rows at fault; the transaction (and the cursor row lock it
 * holds) stays open throughout.
 *
 * @param <R> the table's record
 */
final class TargetWriter<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(TargetWriter.class);

  private final TableSync<R> sync;
  private final RowLayout layout;
  private final TablePlan plan;
  private final BadColumnFinder badColumns;

  TargetWriter(TableSync<R> sync, RowLayout layout, TablePlan plan) {
    this.sync = sync;
    this.layout = layout;
    this.plan = plan;
    this.badColumns = new BadColumnFinder(sync.spec().columns(), plan.targetColumns());
  }

  /**
   * Upserts {@code records} with {@code upsert}, in the open transaction of {@code target}.
   *
   * @return the rows the target rejected for their data; the others are written
   * @throws SQLException when the target fails other than for a row's data
   */
  List<RejectedRow> write(Connection target, PreparedStatement upsert, List<R> records)
      throws SQLException {
    if (records.isEmpty()) {
      return List.of();
    }
    Savepoint beforeWrites = target.setSavepoint();
    try {
      for (R record : records) {
        sync.bind(upsert, record, plan.target().columnValues());
        upsert.addBatch();
      }
      upsert.executeBatch();
      return List.of();
    } catch (SQLException e) {
      upsert.clearBatch();
      if (plan.classify(e) != ErrorKind.BAD_DATA) {
        throw e;
      }
      target.rollback(beforeWrites);
      log.debug(
          "{}: the upsert was rejected ({}); row by row now",
          sync.spec().name(),
          Redaction.describe(e));
      return writeOneByOne(target, upsert, records);
    }
  }

  private List<RejectedRow> writeOneByOne(
      Connection target, PreparedStatement upsert, List<R> records) throws SQLException {
    List<RejectedRow> rejected = new ArrayList<>();
    for (R record : records) {
      Savepoint beforeRow = target.setSavepoint();
      try {
        sync.bind(upsert, record, plan.target().columnValues());
        upsert.executeUpdate();
      } catch (SQLException e) {
        if (plan.classify(e) != ErrorKind.BAD_DATA) {
          throw e;
        }
        target.rollback(beforeRow);
        Object[] values = sync.values(record);
        rejected.add(
            new RejectedRow(
                layout.positionOf(values),
                layout.keyOf(values),
                badColumns.find(target, e, values),
                e,
                layout.text(i -> String.valueOf(values[i]))));
      }
    }
    return rejected;
  }
}
