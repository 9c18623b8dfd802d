package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSync;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts a batch's records into the target with upserts of many rows each, which the dialect
 * renders ({@code INSERT ... VALUES (...), (...) ... ON DUPLICATE KEY UPDATE}, {@code ON
 * CONFLICT}, {@code MERGE}), so every driver sends one statement per many rows whatever its
 * options. A statement takes as many rows as the batch has, fewer when the server's limits on
 * parameters or statement size say so; each row count is prepared once per session.
 *
 * <p>When the target rejects a statement for a row's data, the batch is undone (to a savepoint,
 * or by the database itself where it undoes a failed statement and keeps the transaction) and
 * written again row by row, each row undone the same way when rejected, to find the rows at
 * fault; the transaction (and the cursor row lock it holds) stays open throughout.
 *
 * @param <R> the table's record
 */
final class TargetWriter<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(TargetWriter.class);

  /** What a statement may take of the server's size limit: values' text is only estimated. */
  private static final double SIZE_MARGIN = 0.5;

  /** Prepares a statement on the target connection, once per session. */
  @FunctionalInterface
  interface Statements {
    PreparedStatement prepare(String sql) throws SQLException;
  }

  private final TableSync<R> sync;
  private final RowLayout layout;
  private final TablePlan plan;
  private final BadColumnFinder badColumns;
  private final int columns;
  private final int maxRowsPerStatement;
  private final Map<Integer, String> upserts = new ConcurrentHashMap<>();
  /** The server's limit on a statement's bytes, read on first use; 0 until then. */
  private volatile long maxStatementBytes;

  TargetWriter(TableSync<R> sync, RowLayout layout, TablePlan plan) {
    this.sync = sync;
    this.layout = layout;
    this.plan = plan;
    this.badColumns = new BadColumnFinder(sync.spec().columns(), plan.targetColumns());
    this.columns = sync.spec().columns().size();
    this.maxRowsPerStatement = Math.max(1, plan.target().maxParameters() / columns);
  }

  /**
   * Upserts {@code records}, in the open transaction of {@code target}. Of rows sharing a key, the
   * last is written, as writing them one after another would leave it.
   *
   * @return the rows the target rejected for their data; the others are written
   * @throws SQLException when the target fails other than for a row's data
   */
  List<RejectedRow> write(Connection target, Statements statements, List<R> records)
      throws SQLException {
    if (records.isEmpty()) {
      return List.of();
    }
    List<R> rows = lastOfEachKey(records);
    boolean undoneAlone = plan.target().undoesFailedStatements();
    Savepoint beforeWrites = undoneAlone ? null : target.setSavepoint();
    try {
      for (List<R> statementRows : statementsOf(target, rows)) {
        upsert(statements, statementRows);
      }
      return List.of();
    } catch (SQLException e) {
      if (plan.classify(e) != ErrorKind.BAD_DATA) {
        throw e;
      }
      if (beforeWrites != null) {
        target.rollback(beforeWrites);
      }
      log.debug(
          "{}: the upsert was rejected ({}); row by row now",
          sync.spec().name(),
          Redaction.describe(e));
      return writeOneByOne(target, statements.prepare(upsertSql(1)), rows);
    }
  }

  /** Binds {@code rows} to the upsert of that many rows and runs it. */
  private void upsert(Statements statements, List<R> rows) throws SQLException {
    PreparedStatement upsert = statements.prepare(upsertSql(rows.size()));
    ColumnValues values = plan.target().columnValues();
    int first = 1;
    for (R row : rows) {
      sync.bind(upsert, first, row, values);
      first += columns;
    }
    upsert.executeUpdate();
  }

  private String upsertSql(int rows) {
    return upserts.computeIfAbsent(rows, n -> plan.target().upsert(sync.spec(), n));
  }

  /**
   * {@code rows} cut into statements: of as many rows as the parameter limit allows (all of a
   * batch, as a rule), and the rest; a statement over the server's size limit is halved until it
   * fits, or is one row.
   */
  private List<List<R>> statementsOf(Connection target, List<R> rows) throws SQLException {
    List<List<R>> statements = new ArrayList<>();
    long limit = maxStatementBytes(target);
    for (int from = 0; from < rows.size(); from += maxRowsPerStatement) {
      List<R> part = rows.subList(from, Math.min(rows.size(), from + maxRowsPerStatement));
      addFitting(part, limit, statements);
    }
    return statements;
  }

  private void addFitting(List<R> rows, long limit, List<List<R>> statements) {
    if (rows.size() == 1 || limit == Long.MAX_VALUE || estimatedBytes(rows) <= limit) {
      statements.add(rows);
      return;
    }
    int half = (rows.size() + 1) / 2;
    addFitting(rows.subList(0, half), limit, statements);
    addFitting(rows.subList(half, rows.size()), limit, statements);
  }

  /** The server's limit on one statement, with room for what the estimate misses. */
  private long maxStatementBytes(Connection target) throws SQLException {
    if (maxStatementBytes == 0) {
      long limit = plan.target().maxStatementBytes(target);
      maxStatementBytes = limit == Long.MAX_VALUE ? limit : (long) (limit * SIZE_MARGIN);
    }
    return maxStatementBytes;
  }

  /**
   * An upper bound of the bytes the rows' values take in a statement as drivers send them: text
   * in UTF-8 and escaped, bytes as hex, other values as text of at most 64 characters.
   */
  private long estimatedBytes(List<R> rows) {
    long bytes = 0;
    for (R row : rows) {
      for (Object value : sync.values(row)) {
        if (value instanceof String text) {
          bytes += 4L * text.length() + 4;
        } else if (value instanceof byte[] data) {
          bytes += 2L * data.length + 4;
        } else {
          bytes += 64;
        }
      }
    }
    return bytes;
  }

  /** {@code records}, without those a later record has the key of; a copy only when needed. */
  List<R> lastOfEachKey(List<R> records) {
    Map<List<Object>, R> byKey = new LinkedHashMap<>();
    for (R record : records) {
      List<Object> key = comparableKey(record);
      byKey.remove(key); // the last one's place, as its write comes last
      byKey.put(key, record);
    }
    return byKey.size() == records.size() ? records : new ArrayList<>(byKey.values());
  }

  /** The record's key, with bytes compared by their content. */
  private List<Object> comparableKey(R record) {
    List<Object> key = layout.keyOf(sync.values(record));
    for (int i = 0; i < key.size(); i++) {
      if (key.get(i) instanceof byte[] bytes) {
        key.set(i, ByteBuffer.wrap(bytes));
      }
    }
    return key;
  }

  private List<RejectedRow> writeOneByOne(
      Connection target, PreparedStatement upsert, List<R> records) throws SQLException {
    List<RejectedRow> rejected = new ArrayList<>();
    boolean undoneAlone = plan.target().undoesFailedStatements();
    for (R record : records) {
      Savepoint beforeRow = undoneAlone ? null : target.setSavepoint();
      try {
        sync.bind(upsert, record, plan.target().columnValues());
        upsert.executeUpdate();
      } catch (SQLException e) {
        if (plan.classify(e) != ErrorKind.BAD_DATA) {
          throw e;
        }
        if (beforeRow != null) {
          target.rollback(beforeRow);
        }
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
