package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.BulkLoader;
import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes many records through the target's bulk paths, in the open transaction: each is tried in
 * turn, and a load that fails for a row's data or does not store every row as given is undone;
 * when none stored them, the records are upserted, which finds and names the rows at fault. A
 * path that declined once (a key the target had, for one that only adds rows) is not tried again,
 * unless it is the last.
 *
 * @param <R> the table's record
 */
final class BulkWriter<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

  private final TableSync<R> sync;
  private final TablePlan plan;
  private final TargetWriter<R> writer;
  private final List<BulkLoader> loaders;
  private final Set<BulkLoader> declined = ConcurrentHashMap.newKeySet();

  BulkWriter(TableSync<R> sync, TablePlan plan, TargetWriter<R> writer, List<BulkLoader> loaders) {
    this.sync = sync;
    this.plan = plan;
    this.writer = writer;
    this.loaders = List.copyOf(loaders);
  }

  /**
   * Writes {@code records}; of rows sharing a key, the last, as {@link TargetWriter} does.
   *
   * @return the rows the target rejected for their data
   */
  List<RejectedRow> write(
      Connection target, TargetWriter.Statements statements, List<R> records)
      throws SQLException {
    if (records.isEmpty()) {
      return List.of();
    }
    List<R> rows = null;
    for (int i = 0; i < loaders.size(); i++) {
      BulkLoader loader = loaders.get(i);
      boolean last = i == loaders.size() - 1;
      if (!last && declined.contains(loader)) {
        continue;
      }
      rows = rows == null ? writer.lastOfEachKey(records) : rows;
      Savepoint beforeLoad = target.setSavepoint();
      try {
        if (loader.load(target, valuesOf(rows))) {
          return List.of();
        }
        log.debug("{}: a bulk load did not store every row as given", name());
        declined.add(loader);
      } catch (SQLException e) {
        if (plan.classify(e) != ErrorKind.BAD_DATA) {
          throw e;
        }
        log.debug("{}: a bulk load was rejected ({})", name(), Redaction.describe(e));
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
