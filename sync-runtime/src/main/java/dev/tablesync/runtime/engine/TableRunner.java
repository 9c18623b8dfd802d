package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.BadRowException;
import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.BadValueException;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one table until it is caught up. Each batch is one target transaction: lock the sync's
 * cursor row, read the rows after the stored position from the source, upsert them, store the
 * last row's (cursor, key), commit. A failure rolls the batch back and leaves the cursor where
 * the last committed batch put it.
 *
 * @param <R> the table's record
 */
public final class TableRunner<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(TableRunner.class);

  private final TableSync<R> sync;
  private final TableSpec table;
  private final TablePlan plan;
  private final CursorStore cursors;
  private final DataSource source;
  private final DataSource target;
  private final SyncListener listener;
  private final List<Class<?>> positionTypes;
  private final int[] positionColumns;

  TableRunner(
      TableSync<R> sync,
      TablePlan plan,
      CursorStore cursors,
      DataSource source,
      DataSource target,
      SyncListener listener) {
    this.sync = sync;
    this.table = sync.spec();
    this.plan = plan;
    this.cursors = cursors;
    this.source = source;
    this.target = target;
    this.listener = listener;
    this.positionColumns = positionColumns(table);
    this.positionTypes =
        Arrays.stream(positionColumns).<Class<?>>mapToObj(i -> table.columns().get(i).javaType())
            .toList();
  }

  /** The sync's name. */
  public String name() {
    return table.name();
  }

  /**
   * Syncs batches until one comes back short of the batch size, or until {@code stopRequested}
   * says so; it is asked before each batch after the first, so a stop never cuts a batch short.
   */
  public SyncResult run(BooleanSupplier stopRequested) {
    long started = System.nanoTime();
    String stored = "none";
    try (Connection from = source.getConnection();
        Connection to = target.getConnection()) {
      from.setReadOnly(true);
      from.setAutoCommit(true);
      to.setAutoCommit(false);
      cursors.ensureRow(to, table.name());
      Batches batches = new Batches(from, to, started, stopRequested);
      SyncResult result;
      try {
        result = batches.runAll();
      } finally {
        stored = batches.stored;
      }
      log.info(
          "{}: {} rows in {} batches, {} ms, {} rows/s, cursor {}",
          table.name(),
          result.rowsWritten(),
          result.batches(),
          result.duration().toMillis(),
          Math.round(result.rowsPerSecond()),
          stored);
      listener.runFinished(result);
      return result;
    } catch (SyncException e) {
      log.error("{}: {}", table.name(), e.getMessage(), e);
      listener.runFailed(table.name(), e);
      throw e;
    } catch (SQLException | RuntimeException e) {
      SyncException failure = new SyncException(table.name(), stored, describe(e), e);
      log.error("{}: {}", table.name(), failure.getMessage(), e);
      listener.runFailed(table.name(), failure);
      throw failure;
    }
  }

  /**
   * Where the sync stands, for status views: its stored position and row count (creating the
   * cursor row if no run has yet), and the newest cursor in the source.
   */
  public Progress progress() throws SQLException {
    CursorStore.StoredCursor stored;
    try (Connection to = target.getConnection()) {
      to.setAutoCommit(false);
      cursors.ensureRow(to, table.name());
      try {
        stored = cursors.lockRow(to, table.name()).orElseThrow();
      } finally {
        to.rollback();
      }
    }
    Object newest;
    try (Connection from = source.getConnection();
        Statement query = from.createStatement();
        ResultSet max = query.executeQuery(plan.newestCursor())) {
      max.next();
      newest = max.getObject(1, boxed(table.cursor().javaType()));
    }
    Position position =
        stored.hasPosition()
            ? Position.decode(stored.cursorText(), stored.keyText(), positionTypes)
            : null;
    return new Progress(
        position == null ? null : position.cursor(), stored.rowsSynced(), newest);
  }

  /**
   * A sync's standing.
   *
   * @param cursor the stored cursor, or null before the first batch
   * @param rowsSynced rows written over all runs
   * @param sourceNewest the newest cursor in the source, or null when the source has no rows
   */
  public record Progress(Object cursor, long rowsSynced, Object sourceNewest) {}

  /** The type JDBC's {@code getObject(int, Class)} takes for a cursor of {@code type}. */
  private static Class<?> boxed(Class<?> type) {
    if (type == long.class) {
      return Long.class;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == short.class) {
      return Short.class;
    }
    return type;
  }

  /** The state of one run: its connections and what it has committed so far. */
  private final class Batches {
    private final Connection from;
    private final Connection to;
    private final long started;
    private final BooleanSupplier stopRequested;
    private long rows;
    private int batches;
    private Position position;
    private String stored = "none";

    Batches(Connection from, Connection to, long started, BooleanSupplier stopRequested) {
      this.from = from;
      this.to = to;
      this.started = started;
      this.stopRequested = stopRequested;
    }

    SyncResult runAll() throws SQLException {
      try (PreparedStatement firstRead = from.prepareStatement(plan.firstRead().sql());
          PreparedStatement nextRead = from.prepareStatement(plan.nextRead().sql());
          PreparedStatement upsert = to.prepareStatement(plan.upsert())) {
        int read;
        do {
          read = runOne(firstRead, nextRead, upsert);
        } while (read == table.batchSize() && !stopRequested.getAsBoolean());
      }
      return new SyncResult(
          table.name(),
          rows,
          rows,
          batches,
          position == null ? null : position.cursor(),
          position == null ? List.of() : position.key(),
          Duration.ofNanos(System.nanoTime() - started));
    }

    /** Runs one batch in one target transaction; returns how many rows it read. */
    private int runOne(
        PreparedStatement firstRead, PreparedStatement nextRead, PreparedStatement upsert)
        throws SQLException {
      boolean committed = false;
      try {
        CursorStore.StoredCursor cursor =
            cursors
                .lockRow(to, table.name())
                .orElseThrow(() -> new SQLException("the cursor row vanished"));
        position =
            cursor.hasPosition()
                ? Position.decode(cursor.cursorText(), cursor.keyText(), positionTypes)
                : null;
        stored = position == null ? "none" : position.toString();
        List<R> batch = read(position == null ? firstRead : nextRead, position);
        if (batch.isEmpty()) {
          to.rollback();
          committed = true;
          return 0;
        }
        for (R row : batch) {
          sync.bind(upsert, row);
          upsert.addBatch();
        }
        upsert.executeBatch();
        Position last = positionOf(batch.get(batch.size() - 1));
        cursors.update(to, table.name(), last, batch.size());
        to.commit();
        committed = true;
        position = last;
        stored = last.toString();
        rows += batch.size();
        batches++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.debug("{}: batch {} of {} rows committed, cursor {}", table.name(), batches,
            batch.size(), stored);
        listener.batchCommitted(
            new BatchReport(table.name(), batches, batch.size(), rows, last.cursorText(), elapsed));
        return batch.size();
      } finally {
        if (!committed) {
          upsert.clearBatch();
          rollbackQuietly();
        }
      }
    }

    private List<R> read(PreparedStatement select, Position after) throws SQLException {
      KeysetSelect shape = after == null ? plan.firstRead() : plan.nextRead();
      int index = 1;
      for (KeysetSelect.Parameter parameter : shape.parameters()) {
        if (parameter instanceof KeysetSelect.PositionValue value) {
          Parameters.bind(select, index, after.values().get(value.element()));
        } else if (parameter instanceof KeysetSelect.UpperBound) {
          Parameters.bind(select, index, upperBound());
        } else {
          select.setInt(index, table.batchSize());
        }
        index++;
      }
      List<R> batch = new ArrayList<>(table.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          try {
            batch.add(sync.read(rs));
          } catch (BadValueException e) {
            throw new BadRowException(table.name(), stored, keyOf(rs), e.column(), e);
          }
        }
      }
      return batch;
    }

    /** The source's clock minus the lag, in the cursor's type. */
    private Object upperBound() throws SQLException {
      try (Statement clock = from.createStatement();
          ResultSet now = clock.executeQuery(plan.sourceClock())) {
        now.next();
        LocalDateTime bound =
            now.getObject(1, LocalDateTime.class).minusSeconds(table.lagSeconds());
        Class<?> cursorType = table.cursor().javaType();
        if (cursorType == OffsetDateTime.class) {
          return bound.atOffset(ZoneOffset.UTC);
        }
        if (cursorType == java.time.Instant.class) {
          return bound.toInstant(ZoneOffset.UTC);
        }
        return bound;
      }
    }

    private Position positionOf(R row) {
      Object[] values = sync.values(row);
      List<Object> position = new ArrayList<>(positionColumns.length);
      for (int column : positionColumns) {
        if (values[column] == null) {
          throw new BadRowException(
              table.name(),
              stored,
              keyOf(values),
              table.columns().get(column).name(),
              new IllegalStateException("a cursor or key column is NULL"));
        }
        position.add(values[column]);
      }
      return new Position(position);
    }

    private void rollbackQuietly() {
      try {
        to.rollback();
      } catch (SQLException e) {
        log.warn("{}: rollback failed: {}", table.name(), e.getMessage());
      }
    }
  }

  /** The key of the row {@code rs} is on, read as plain objects; unreadable values are null. */
  private List<Object> keyOf(ResultSet rs) {
    List<Object> key = new ArrayList<>();
    for (int index : table.keyIndexes()) {
      try {
        key.add(rs.getObject(index + 1));
      } catch (SQLException e) {
        key.add(null);
      }
    }
    return key;
  }

  private List<Object> keyOf(Object[] values) {
    List<Object> key = new ArrayList<>();
    for (int index : table.keyIndexes()) {
      key.add(values[index]);
    }
    return key;
  }

  /** The cursor column's index, then the key columns' indexes. */
  private static int[] positionColumns(TableSpec table) {
    int[] keys = table.keyIndexes();
    int[] columns = new int[keys.length + 1];
    columns[0] = table.cursorIndex();
    System.arraycopy(keys, 0, columns, 1, keys.length);
    return columns;
  }

  private static String describe(Exception e) {
    if (e instanceof SQLException sql) {
      SQLException cause = sql.getNextException() != null ? sql.getNextException() : sql;
      return "batch failed: " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]";
    }
    return "batch failed: " + e;
  }
}
