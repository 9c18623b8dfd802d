package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.BulkLoader;
import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes many records through one of the target's bulk paths, in the open transaction: when the
 * target has none, or the load fails for a row's data or does not store every row as given, the
 * load is undone and the records are upserted instead, which finds and names the rows at fault.
 *
 * @param <R> the table's record
 */
final class BulkWriter<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

  private final TableSync<R> sync;
  private final TablePlan plan;
  private final TargetWriter<R> writer;
  private final Optional<BulkLoader> loader;

  BulkWriter(
      TableSync<R> sync, TablePlan plan, TargetWriter<R> writer, Optional<BulkLoader> loader) {
    this.sync = sync;
    this.plan = plan;
    this.writer = writer;
    this.loader = loader;
  }

  /**
   * Writes {@code records}; of rows sharing a key, the last, as {@link TargetWriter} does.
   *
   * @return the rows the target rejected for their data
   */
  List<RejectedRow> write(
      Connection target, TargetWriter.Statements statements, List<R> records)
      throws SQLException {
    if (loader.isPresent() && !records.isEmpty()) {
      Savepoint beforeLoad = target.setSavepoint();
      try {
        if (loader.get().load(target, valuesOf(writer.lastOfEachKey(records)))) {
          return List.of();
        }
        log.debug("{}: the bulk load did not store every row as given; upserting", name());
      } catch (SQLException e) {
        if (plan.classify(e) != ErrorKind.BAD_DATA) {
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
