package dev.tablesync.runtime.engine;

import dev.tablesync.annotations.BadRowPolicy;
import dev.tablesync.runtime.BadRowException;
import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.DeadLetter;
import dev.tablesync.runtime.DeadLetterRetry;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.BadValueException;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one table until it is caught up. Each batch is one target transaction: lock the sync's
 * cursor row, read the rows after the stored position from the source, upsert them, store the
 * last row's (cursor, key), commit. A failure rolls the batch back and leaves the cursor where
 * the last committed batch put it; a transient failure is retried on new connections.
 *
 * <p>When the target rejects a batch's upsert for a row's data, the batch is written again row by
 * row, each row in a savepoint, to find the rows at fault; the cursor row stays locked meanwhile.
 * Rows at fault (and rows the source gives that cannot be read) fail the batch, or, under {@link
 * BadRowPolicy#DEAD_LETTER}, go to the dead-letter table in the same transaction.
 *
 * @param <R> the table's record
 */
public final class TableRunner<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(TableRunner.class);

  private final TableSync<R> sync;
  private final TableSpec table;
  private final TablePlan plan;
  private final CursorStore cursors;
  private final DeadLetterStore deadLetters;
  private final BadColumnFinder badColumns;
  private final DataSource source;
  private final DataSource target;
  private final EngineSettings settings;
  private final List<Class<?>> positionTypes;
  private final int[] positionColumns;

  TableRunner(
      TableSync<R> sync,
      TablePlan plan,
      CursorStore cursors,
      DeadLetterStore deadLetters,
      DataSource source,
      DataSource target,
      EngineSettings settings) {
    this.sync = sync;
    this.table = sync.spec();
    this.plan = plan;
    this.cursors = cursors;
    this.deadLetters = deadLetters;
    this.badColumns = new BadColumnFinder(table.columns(), plan.targetColumns());
    this.source = source;
    this.target = target;
    this.settings = settings;
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
   * Syncs batches until one comes back short of the batch size, or until the table is busy and
   * the engine skips busy tables.
   *
   * @throws SyncException when a batch fails for good; earlier batches stay committed
   */
  public SyncResult run() {
    Totals totals = new Totals();
    try {
      withRetries(totals, () -> runBatches(totals));
    } catch (SyncException e) {
      log.error("{}", e.getMessage(), Redaction.redact(e.getCause()));
      settings.listener().runFailed(table.name(), e);
      throw e;
    }
    SyncResult result = totals.result();
    log.info(
        "{}: {} rows in {} batches{}{}, {} ms, {} rows/s, cursor {}",
        table.name(),
        result.rowsWritten(),
        result.batches(),
        result.rowsDeadLettered() == 0 ? "" : ", " + result.rowsDeadLettered() + " set aside",
        result.stoppedBusy() ? ", stopped: another runner holds the table" : "",
        result.duration().toMillis(),
        Math.round(result.rowsPerSecond()),
        totals.stored());
    settings.listener().runFinished(result);
    return result;
  }

  /** The rows this sync set aside in the dead-letter table, oldest first. */
  public List<DeadLetter> deadLetters() {
    try (Connection to = target.getConnection()) {
      to.setAutoCommit(false);
      deadLetters.ensureTable(to);
      List<DeadLetterStore.StoredLetter> stored = deadLetters.list(to, table.name());
      to.commit();
      List<DeadLetter> letters = new ArrayList<>();
      for (DeadLetterStore.StoredLetter letter : stored) {
        Position position =
            Position.decode(letter.cursorText(), letter.keyText(), positionTypes);
        letters.add(
            new DeadLetter(
                table.name(),
                position.key(),
                position.cursor(),
                letter.error(),
                letter.row(),
                letter.failedAt()));
      }
      return letters;
    } catch (SQLException e) {
      throw new SyncException(
          table.name(), "not read", "cannot list the dead letters: " + describe(e), e);
    }
  }

  /**
   * Reads each dead-lettered row again from the source by its key and writes it, taking turns
   * with batches on the cursor row; the cursor does not move. Rows that fail again stay, with
   * the new error.
   *
   * @throws SyncException when the source or target fails other than for a row's data
   */
  public DeadLetterRetry retryDeadLetters() {
    int written = 0;
    int stillBad = 0;
    int gone = 0;
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        Session session = new Session(from, to)) {
      deadLetters.ensureTable(to);
      List<DeadLetterStore.StoredLetter> letters = deadLetters.list(to, table.name());
      to.commit();
      for (DeadLetterStore.StoredLetter letter : letters) {
        cursors.lockRow(to, table.name());
        Position stored = Position.decode(letter.cursorText(), letter.keyText(), positionTypes);
        PreparedStatement keyed = session.prepare(from, plan.keyedRead());
        for (int i = 0; i < stored.key().size(); i++) {
          Parameters.bind(keyed, i + 1, stored.key().get(i));
        }
        SourceRows rows = session.read(keyed);
        List<Rejected> rejected = new ArrayList<>(rows.rejected);
        rejected.addAll(session.write(rows.records));
        if (rejected.isEmpty()) {
          deadLetters.delete(to, table.name(), letter.keyText());
          if (rows.count() == 0) {
            gone++;
          } else {
            written++;
          }
        } else {
          Rejected again = rejected.get(0);
          Position position = again.position() == null ? stored : again.position();
          deadLetters.put(to, table.name(), position, again.error(), again.row());
          stillBad++;
        }
        to.commit();
      }
    } catch (SQLException e) {
      throw new SyncException(
          table.name(), "unchanged", "retrying the dead letters failed: " + describe(e), e);
    }
    log.info(
        "{}: dead letters retried: {} written, {} still bad, {} gone from the source",
        table.name(),
        written,
        stillBad,
        gone);
    return new DeadLetterRetry(table.name(), written, stillBad, gone);
  }

  /** A unit of work that may be tried again. */
  @FunctionalInterface
  private interface Attempt {
    void run() throws SQLException;
  }

  /**
   * Runs {@code attempt}, and again after a pause when it fails with a transient error, as the
   * retry policy allows; attempts are counted per batch, so the count starts over after a commit.
   */
  private void withRetries(Totals totals, Attempt attempt) {
    int attempts = 1;
    while (true) {
      int committedBefore = totals.batches;
      try {
        attempt.run();
        return;
      } catch (SyncException e) {
        throw e;
      } catch (SQLException | RuntimeException e) {
        if (totals.batches > committedBefore) {
          attempts = 1;
        }
        ErrorKind kind = e instanceof SQLException sql ? plan.classify(sql) : ErrorKind.OTHER;
        int max = settings.retry().maxAttempts();
        if (kind != ErrorKind.TRANSIENT) {
          throw new SyncException(
              table.name(),
              totals.stored(),
              "failed on attempt " + attempts + ", not retried (" + notRetried(kind) + "): "
                  + describe(e),
              e);
        }
        if (attempts >= max) {
          throw new SyncException(
              table.name(),
              totals.stored(),
              "failed on attempt " + attempts + " of " + max + " (transient error): "
                  + describe(e),
              e);
        }
        Duration pause = settings.retry().pauseAfter(attempts);
        log.warn(
            "{}: attempt {} of {} failed at cursor {} (transient error, retrying in {} ms): {}",
            table.name(),
            attempts,
            max,
            totals.stored(),
            pause.toMillis(),
            describe(e));
        try {
          Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SyncException(
              table.name(),
              totals.stored(),
              "interrupted while waiting to retry attempt " + attempts + ": " + describe(e),
              e);
        }
        attempts++;
      }
    }
  }

  private static String notRetried(ErrorKind kind) {
    return kind == ErrorKind.BAD_DATA ? "a row's data" : "not a transient error";
  }

  /** One attempt: new connections, then batches until caught up or busy. */
  private void runBatches(Totals totals) throws SQLException {
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        Session session = new Session(from, to)) {
      cursors.ensureRow(to, table.name());
      if (table.badRows() == BadRowPolicy.DEAD_LETTER) {
        deadLetters.ensureTable(to);
      }
      BatchEnd end;
      do {
        end = session.runBatch(totals);
      } while (end == BatchEnd.FULL);
    }
  }

  /** How a batch ended, which decides whether another follows. */
  private enum BatchEnd {
    /** It read a full batch; more rows may follow. */
    FULL,
    /** It read fewer rows than a batch: the table is caught up. */
    CAUGHT_UP,
    /** Another runner holds the table and the engine skips busy tables. */
    BUSY
  }

  /** One attempt's connections and the statements prepared on them. */
  private final class Session implements AutoCloseable {
    private final Connection from;
    private final Connection to;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Session(Connection from, Connection to) throws SQLException {
      this.from = from;
      this.to = to;
      from.setReadOnly(true);
      from.setAutoCommit(true);
      to.setAutoCommit(false);
    }

    /** {@code sql} prepared on {@code connection}, once per session. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
      PreparedStatement statement = statements.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
      }
      return statement;
    }

    /** Runs one batch in one target transaction. */
    BatchEnd runBatch(Totals totals) throws SQLException {
      boolean ended = false;
      try {
        Optional<CursorStore.StoredCursor> locked =
            settings.whenBusy() == BusyPolicy.SKIP
                ? cursors.tryLockRow(to, table.name())
                : cursors.lockRow(to, table.name());
        if (locked.isEmpty()) {
          if (settings.whenBusy() != BusyPolicy.SKIP) {
            throw new SQLException("the cursor row of " + table.name() + " vanished");
          }
          to.rollback();
          ended = true;
          totals.stoppedBusy = true;
          return BatchEnd.BUSY;
        }
        CursorStore.StoredCursor cursor = locked.get();
        Position after =
            cursor.hasPosition()
                ? Position.decode(cursor.cursorText(), cursor.keyText(), positionTypes)
                : null;
        totals.locked(after);
        SourceRows rows = read(keysetRead(after));
        if (rows.count() == 0) {
          to.rollback();
          ended = true;
          return BatchEnd.CAUGHT_UP;
        }
        failUnlessSetAside(rows.rejected, totals);
        List<Rejected> refused = write(rows.records);
        failUnlessSetAside(refused, totals);
        List<Rejected> setAside = new ArrayList<>(rows.rejected);
        setAside.addAll(refused);
        for (Rejected row : setAside) {
          deadLetters.put(to, table.name(), row.position(), row.error(), row.row());
        }
        int written = rows.records.size() - refused.size();
        cursors.update(to, table.name(), rows.last, written);
        to.commit();
        ended = true;
        totals.committed(rows.count(), written, setAside.size(), rows.last);
        report(totals, written, setAside);
        return rows.count() == table.batchSize() ? BatchEnd.FULL : BatchEnd.CAUGHT_UP;
      } finally {
        if (!ended) {
          rollbackQuietly();
        }
      }
    }

    private void report(Totals totals, int written, List<Rejected> setAside) {
      log.debug(
          "{}: batch {} of {} rows committed, cursor {}",
          table.name(),
          totals.batches,
          written,
          totals.stored());
      if (!setAside.isEmpty()) {
        Rejected first = setAside.get(0);
        log.warn(
            "{}: batch {} set {} aside in the dead-letter table, the first with key {}: {}",
            table.name(),
            totals.batches,
            setAside.size() == 1 ? "1 row" : setAside.size() + " rows",
            first.key(),
            first.error());
      }
      settings
          .listener()
          .batchCommitted(
              new BatchReport(
                  table.name(),
                  totals.batches,
                  written,
                  totals.rowsWritten,
                  totals.position.cursorText(),
                  Duration.ofNanos(System.nanoTime() - totals.started)));
    }

    /** The keyset read after {@code after} (from the start when null), its parameters bound. */
    private PreparedStatement keysetRead(Position after) throws SQLException {
      KeysetSelect shape = after == null ? plan.firstRead() : plan.nextRead();
      PreparedStatement select = prepare(from, shape.sql());
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
      return select;
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
        if (cursorType == Instant.class) {
          return bound.toInstant(ZoneOffset.UTC);
        }
        return bound;
      }
    }

    /**
     * Reads every row {@code select} returns. A row that cannot be read is rejected rather than
     * thrown, unless its error is transient.
     */
    SourceRows read(PreparedStatement select) throws SQLException {
      SourceRows rows = new SourceRows();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          try {
            R record = sync.read(rs);
            Object[] values = sync.values(record);
            checkNoValueLost(rs, values);
            rows.add(record, positionOf(values));
          } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && plan.classify(sql) == ErrorKind.TRANSIENT) {
              throw sql;
            }
            rows.reject(rejectedRead(rs, e));
          }
        }
      }
      return rows;
    }

    /**
     * Upserts {@code records} as one JDBC batch. When the target rejects it for a row's data,
     * undoes it and writes the rows one by one to find those at fault, which it returns.
     */
    List<Rejected> write(List<R> records) throws SQLException {
      if (records.isEmpty()) {
        return List.of();
      }
      PreparedStatement upsert = prepare(to, plan.upsert());
      Savepoint beforeWrites = to.setSavepoint();
      try {
        for (R record : records) {
          sync.bind(upsert, record);
          upsert.addBatch();
        }
        upsert.executeBatch();
        return List.of();
      } catch (SQLException e) {
        upsert.clearBatch();
        if (plan.classify(e) != ErrorKind.BAD_DATA) {
          throw e;
        }
        to.rollback(beforeWrites);
        log.debug("{}: the upsert was rejected ({}); row by row now", table.name(), describe(e));
        return writeOneByOne(upsert, records);
      }
    }

    private List<Rejected> writeOneByOne(PreparedStatement upsert, List<R> records)
        throws SQLException {
      List<Rejected> rejected = new ArrayList<>();
      for (R record : records) {
        Savepoint beforeRow = to.setSavepoint();
        try {
          sync.bind(upsert, record);
          upsert.executeUpdate();
        } catch (SQLException e) {
          if (plan.classify(e) != ErrorKind.BAD_DATA) {
            throw e;
          }
          to.rollback(beforeRow);
          Object[] values = sync.values(record);
          rejected.add(
              new Rejected(
                  positionOf(values),
                  keyOf(values),
                  badColumns.find(to, e, values),
                  e,
                  rowText(i -> String.valueOf(values[i]))));
        }
      }
      return rejected;
    }

    /**
     * Fails the batch with the first of {@code rejected}, unless the table sets bad rows aside
     * and every one of them has a position to store.
     */
    private void failUnlessSetAside(List<Rejected> rejected, Totals totals) {
      for (Rejected row : rejected) {
        if (table.badRows() == BadRowPolicy.FAIL) {
          throw badRow(row, totals, row.problem());
        }
        if (row.position() == null) {
          throw badRow(
              row,
              totals,
              row.problem() + "; the row cannot be set aside, since its cursor or key cannot be"
                  + " read");
        }
      }
    }

    private BadRowException badRow(Rejected row, Totals totals, String problem) {
      return new BadRowException(
          table.name(), totals.stored(), row.key(), row.column(), problem, row.cause());
    }

    private void rollbackQuietly() {
      try {
        to.rollback();
      } catch (SQLException e) {
        log.warn("{}: rollback failed: {}", table.name(), describe(e));
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
    }
  }

  /**
   * Fails when the driver read a value that is not SQL NULL as null. MySQL's and MariaDB's
   * drivers do that with a zero date ({@code 0000-00-00}), which no Java date can hold; syncing
   * it as NULL would change the data without a word.
   */
  private void checkNoValueLost(ResultSet rs, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      String text;
      if (values[i] == null && (text = rs.getString(i + 1)) != null) {
        throw new BadValueException(
            table.columns().get(i).name(),
            "the driver read the value '" + text + "' as NULL; MySQL and MariaDB zero dates"
                + " (0000-00-00) read like that: correct the row, or map such values to NULL in"
                + " the query, e.g. NULLIF(column, '0000-00-00')");
      }
    }
  }

  /** What is known of a row the source gave that could not be read as a record. */
  private Rejected rejectedRead(ResultSet rs, Exception error) {
    String column;
    if (error instanceof BadValueException bad) {
      column = bad.column();
    } else if (error instanceof SQLException) {
      column = columnBeingRead(rs);
    } else {
      column = null; // the record's constructor refused the values
    }
    Object[] position = new Object[positionColumns.length];
    for (int i = 0; i < positionColumns.length; i++) {
      try {
        position[i] = Parameters.read(rs, positionColumns[i] + 1, positionTypes.get(i));
      } catch (SQLException | RuntimeException unreadable) {
        position[i] = null;
      }
    }
    List<Object> key = Arrays.asList(Arrays.copyOfRange(position, 1, position.length));
    boolean complete = Arrays.stream(position).allMatch(v -> v != null);
    return new Rejected(
        complete ? new Position(Arrays.asList(position)) : null,
        key,
        column,
        error,
        rowText(i -> rawText(rs, i)));
  }

  /**
   * The column generated code was reading when it failed: it reads the row again through a
   * result set that notes each column asked for, and fails at the same one.
   */
  private String columnBeingRead(ResultSet rs) {
    int[] lastAsked = {0};
    ResultSet noting =
        (ResultSet)
            Proxy.newProxyInstance(
                ResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                  if (method.getName().startsWith("get")
                      && args != null
                      && args.length > 0
                      && args[0] instanceof Integer index) {
                    lastAsked[0] = index;
                  }
                  try {
                    return method.invoke(rs, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try {
      sync.read(noting);
      return null;
    } catch (SQLException | RuntimeException failedAgain) {
      return lastAsked[0] > 0 ? table.columns().get(lastAsked[0] - 1).name() : null;
    }
  }

  private static String rawText(ResultSet rs, int column) {
    try {
      return rs.getString(column + 1);
    } catch (SQLException e) {
      return "(unreadable)";
    }
  }

  /** {@code column=value} for each column, from {@code valueOf(column index)}. */
  private String rowText(IntFunction<String> valueOf) {
    StringJoiner text = new StringJoiner(", ");
    for (int i = 0; i < table.columns().size(); i++) {
      text.add(table.columns().get(i).name() + "=" + valueOf.apply(i));
    }
    return text.toString();
  }

  /**
   * The position of a row read as {@code values}.
   *
   * @throws BadValueException when its cursor or a key column is NULL
   */
  private Position positionOf(Object[] values) throws BadValueException {
    List<Object> position = new ArrayList<>(positionColumns.length);
    for (int column : positionColumns) {
      if (values[column] == null) {
        throw new BadValueException(
            table.columns().get(column).name(), "a cursor or key column is NULL");
      }
      position.add(values[column]);
    }
    return new Position(position);
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

  /** An error's message for logs and exceptions: passwords masked, codes appended. */
  static String describe(Exception e) {
    if (e instanceof SQLException sql) {
      SQLException cause = sql.getNextException() != null ? sql.getNextException() : sql;
      String message = Redaction.redact(cause.getMessage());
      if (cause.getSQLState() == null && cause.getErrorCode() == 0) {
        return message;
      }
      return message + " [SQLState " + cause.getSQLState() + ", error code "
          + cause.getErrorCode() + "]";
    }
    return Redaction.redact(e.toString());
  }

  /**
   * The rows one read returned: records to write, rows that could not be read, and the position
   * of the last row of either kind.
   */
  private final class SourceRows {
    private final List<R> records = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private Position last;

    void add(R record, Position position) {
      records.add(record);
      last = position;
    }

    void reject(Rejected row) {
      rejected.add(row);
      last = row.position();
    }

    int count() {
      return records.size() + rejected.size();
    }
  }

  /**
   * A row that could not be synced.
   *
   * @param position its cursor and key, or null when they cannot be read
   * @param key its key values, null where unreadable
   * @param column the column at fault, or null when unknown
   * @param cause what the driver or database said
   * @param row its values as text
   */
  private record Rejected(
      Position position, List<Object> key, String column, Exception cause, String row) {

    /** The problem as a message says it. */
    String problem() {
      return describe(cause);
    }

    /** The problem as the dead-letter table keeps it. */
    String error() {
      return (column == null ? "" : "column " + column + ": ") + problem();
    }
  }

  /** What one run has done so far. */
  private final class Totals {
    private final long started = System.nanoTime();
    private long rowsRead;
    private long rowsWritten;
    private long rowsDeadLettered;
    private int batches;
    private boolean stoppedBusy;
    /** The stored position as last seen: locked at a batch's start, or committed at its end. */
    private Position position;
    private boolean positionSeen;

    void locked(Position stored) {
      position = stored;
      positionSeen = true;
    }

    void committed(int read, int written, int setAside, Position last) {
      rowsRead += read;
      rowsWritten += written;
      rowsDeadLettered += setAside;
      batches++;
      position = last;
    }

    String stored() {
      if (!positionSeen) {
        return "not read yet";
      }
      return position == null ? "none" : position.toString();
    }

    SyncResult result() {
      return new SyncResult(
          table.name(),
          rowsRead,
          rowsWritten,
          batches,
          position == null ? null : position.cursor(),
          position == null ? List.of() : position.key(),
          Duration.ofNanos(System.nanoTime() - started),
          rowsDeadLettered,
          stoppedBusy);
    }
  }
}
