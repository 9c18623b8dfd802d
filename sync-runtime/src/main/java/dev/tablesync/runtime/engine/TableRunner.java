package dev.tablesync.runtime.engine;

import dev.tablesync.annotations.BadRowPolicy;
import dev.tablesync.runtime.BadRowException;
import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.DeadLetter;
import dev.tablesync.runtime.DeadLetterRetry;
import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

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
 * <p>A table with no stored position (a new sync, or one reset by deleting its cursor row) is
 * first copied by a snapshot, unless the engine turns snapshots off: chunks read in key order
 * and written with the target's bulk path, each one target transaction under the same lock as a
 * batch, with the high-water mark of the cursor (taken first) and the last key written stored in
 * the cursor row. A short chunk stores the position "from the start of the high-water mark", and
 * the run goes on with batches from there, which read again every row changed meanwhile.
 *
 * @param <R> the table's record
 */
public final class TableRunner<R extends Record> {

  private static final Logger log = LoggerFactory.getLogger(TableRunner.class);

  private final TableSpec table;
  private final TablePlan plan;
  private final CursorStore cursors;
  private final DeadLetterStore deadLetters;
  private final RowLayout layout;
  private final SourceReader<R> reader;
  private final TargetWriter<R> writer;
  private final SnapshotChunks<R> snapshot;
  private final Backlog<R> backlog;
  private final DataSource source;
  private final DataSource target;
  private final EngineSettings settings;
  private final PageTransaction pages;
  private final Reconciliation<R> reconciliation;
  /** Whether this runner has made sure its cursor row exists. */
  private volatile boolean cursorRowSeen;

  TableRunner(
      TableSync<R> sync,
      TablePlan plan,
      CursorStore cursors,
      DeadLetterStore deadLetters,
      DataSource source,
      DataSource target,
      EngineSettings settings) {
    this.table = sync.spec();
    this.plan = plan;
    this.cursors = cursors;
    this.deadLetters = deadLetters;
    this.layout = new RowLayout(table);
    this.reader = new SourceReader<>(sync, layout, plan);
    this.writer = new TargetWriter<>(sync, layout, plan);
    this.snapshot =
        new SnapshotChunks<>(
            sync,
            SnapshotPlan.of(table, plan.source(), plan.target(), settings.snapshotChunkSize()),
            plan,
            writer);
    this.backlog =
        new Backlog<>(
            table.batchSize(),
            settings.backlogChunkSize(),
            new BulkWriter<>(sync, plan, writer, plan.target().backlogLoaders(table)),
            writer);
    this.source = source;
    this.target = target;
    this.settings = settings;
    this.pages = new PageTransaction(cursors, table.name(), settings.whenBusy());
    // A reconciliation waits its turn on the cursor row whatever batches do when it is busy.
    this.reconciliation =
        new Reconciliation<>(
            sync,
            ReconcilePlan.of(table, plan.source(), plan.target(), settings.reconcileRangeSize()),
            plan,
            layout,
            reader,
            new PageTransaction(cursors, table.name(), BusyPolicy.WAIT),
            settings);
  }

  /** The sync's name. */
  public String name() {
    return table.name();
  }

  /** What the table declares. */
  public TableSpec spec() {
    return table;
  }

  /**
   * Syncs batches until one comes back short of the batch size, until the table is busy and the
   * engine skips busy tables, or until {@code stopRequested} says so; it is asked before each
   * batch after the first, so a stop never cuts a batch short.
   *
   * @throws SyncException when a batch fails for good; earlier batches stay committed
   */
  public SyncResult run(BooleanSupplier stopRequested) {
    Totals totals = new Totals();
    try {
      withRetries(totals, () -> runBatches(totals, stopRequested));
    } catch (SyncException e) {
      log.error("{}", e.getMessage(), Redaction.redact(e.getCause()));
      settings.listener().runFailed(table.name(), e);
      throw e;
    }
    SyncResult result = totals.result();
    // A table polled every few seconds finds nothing most of the time; those runs log at debug.
    boolean movedNothing = result.rowsRead() == 0 && !result.stoppedBusy();
    log.atLevel(movedNothing ? Level.DEBUG : Level.INFO).log(
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

  /**
   * Compares the target with the source query by key ({@code depth} says how closely), repairs
   * what differs, and deletes or marks the rows the source no longer returns, as the table's
   * {@code goneRows} says. Each key range is one target transaction under the cursor row's lock,
   * retried like a batch.
   *
   * @throws dev.tablesync.runtime.ReconcileRefusedException when it refuses to delete (an empty
   *     source, or more rows than the delete guard allows); ranges repaired stay committed
   * @throws SyncException when a range fails for good; earlier ranges stay committed
   */
  public ReconcileResult reconcile(ReconcileDepth depth) {
    Reconciliation<R>.Totals totals = reconciliation.start(depth);
    try {
      withRetries(totals, () -> inSession(session -> reconciliation.compare(session, totals)));
      withRetries(totals, () -> inSession(session -> reconciliation.removeGone(session, totals)));
    } catch (SyncException e) {
      log.error("{}", e.getMessage(), e.getCause() == null ? null : Redaction.redact(e.getCause()));
      settings.listener().reconcileFailed(table.name(), e);
      throw e;
    }
    ReconcileResult result = totals.result();
    log.atLevel(result.inSync() ? Level.DEBUG : Level.INFO).log("{}: reconciled: {}", table.name(), result);
    settings.listener().reconcileFinished(result);
    return result;
  }

  /** Work done on new connections, the target's in a transaction. */
  @FunctionalInterface
  private interface SessionWork<R extends Record> {
    void run(Reconciliation.Session<R> session) throws SQLException;
  }

  private void inSession(SessionWork<R> work) throws SQLException {
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        Session session = new Session(from, to)) {
      ensureCursorRow(to);
      to.setAutoCommit(false);
      work.run(session);
    }
  }

  /**
   * Where the sync stands, for status views: its stored position and row count (none before its
   * first run), and the newest cursor in the source. Only reads.
   */
  public Progress progress() throws SQLException {
    Optional<CursorStore.StoredCursor> stored;
    try (Connection to = target.getConnection()) {
      to.setAutoCommit(true);
      // No lock: a status view must never wait for, or hold up, a batch.
      stored = cursors.readRow(to, table.name());
    }
    Object newest;
    try (Connection from = source.getConnection();
        Statement query = from.createStatement();
        ResultSet max = query.executeQuery(plan.newestCursor())) {
      max.next();
      newest = Parameters.read(max, 1, table.cursor().javaType(), plan.source().columnValues());
    }
    Position position =
        stored
            .filter(CursorStore.StoredCursor::hasPosition)
            .map(c -> layout.decode(c.cursorText(), c.keyText()))
            .orElse(null);
    return new Progress(
        position == null ? null : position.cursor(),
        stored.map(CursorStore.StoredCursor::rowsSynced).orElse(0L),
        newest);
  }

  /**
   * A sync's standing.
   *
   * @param cursor the stored cursor, or null before the first batch
   * @param rowsSynced rows written over all runs
   * @param sourceNewest the newest cursor in the source, or null when the source has no rows
   */
  public record Progress(Object cursor, long rowsSynced, Object sourceNewest) {}

  /**
   * Deletes the sync's cursor row, after a batch in flight commits, so that its next run starts
   * over: with a snapshot, unless the engine turns snapshots off. The target's rows stay.
   *
   * @return whether the sync had a stored row
   * @throws SyncException when the target cannot be written
   */
  public boolean reset() {
    try (Connection to = target.getConnection()) {
      to.setAutoCommit(false);
      boolean deleted = cursors.deleteRow(to, table.name());
      to.commit();
      log.info("{}: reset; the next run starts over", table.name());
      return deleted;
    } catch (SQLException e) {
      throw new SyncException(
          table.name(), "unchanged", "reset failed: " + Redaction.describe(e), e);
    }
  }

  /** The rows this sync set aside in the dead-letter table, oldest first. */
  public List<DeadLetter> deadLetters() {
    try (Connection to = target.getConnection()) {
      to.setAutoCommit(true);
      List<DeadLetterStore.StoredLetter> stored = deadLetters.list(to, table.name());
      List<DeadLetter> letters = new ArrayList<>();
      for (DeadLetterStore.StoredLetter letter : stored) {
        Position position = layout.decode(letter.cursorText(), letter.keyText());
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
          table.name(),
          "not read",
          "cannot list the dead letters: " + Redaction.describe(e),
          e);
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
      to.setAutoCommit(false);
      List<DeadLetterStore.StoredLetter> letters = deadLetters.list(to, table.name());
      to.commit();
      for (DeadLetterStore.StoredLetter letter : letters) {
        cursors.lockRow(to, table.name());
        Position stored = layout.decode(letter.cursorText(), letter.keyText());
        PreparedStatement keyed = session.prepare(from, plan.keyedRead());
        for (int i = 0; i < stored.key().size(); i++) {
          Parameters.bind(keyed, i + 1, stored.key().get(i), plan.source().columnValues());
        }
        SourceRows<R> rows = reader.read(keyed);
        List<RejectedRow> rejected = new ArrayList<>(rows.rejected());
        rejected.addAll(writer.write(to, sql -> session.prepare(to, sql), rows.records()));
        if (rejected.isEmpty()) {
          deadLetters.delete(to, table.name(), letter.keyText());
          if (rows.count() == 0) {
            gone++;
          } else {
            written++;
          }
        } else {
          RejectedRow again = rejected.get(0);
          Position position = again.position() == null ? stored : again.position();
          deadLetters.put(to, table.name(), position, again.error(), again.row());
          stillBad++;
        }
        to.commit();
      }
    } catch (SQLException e) {
      throw new SyncException(
          table.name(),
          "unchanged",
          "retrying the dead letters failed: " + Redaction.describe(e),
          e);
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
  private void withRetries(PageProgress totals, Attempt attempt) {
    int attempts = 1;
    while (true) {
      int committedBefore = totals.pagesCommitted();
      try {
        attempt.run();
        return;
      } catch (SyncException e) {
        throw e;
      } catch (SQLException | RuntimeException e) {
        if (totals.pagesCommitted() > committedBefore) {
          attempts = 1;
        }
        ErrorKind kind = e instanceof SQLException sql ? plan.classify(sql) : ErrorKind.OTHER;
        int max = settings.retry().maxAttempts();
        if (kind != ErrorKind.TRANSIENT) {
          throw new SyncException(
              table.name(),
              totals.stored(),
              "failed on attempt " + attempts + ", not retried (" + notRetried(kind) + "): "
                  + Redaction.describe(e),
              e);
        }
        if (attempts >= max) {
          throw new SyncException(
              table.name(),
              totals.stored(),
              "failed on attempt " + attempts + " of " + max + " (transient error): "
                  + Redaction.describe(e),
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
            Redaction.describe(e));
        try {
          Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SyncException(
              table.name(),
              totals.stored(),
              "interrupted while waiting to retry attempt " + attempts + ": "
                  + Redaction.describe(e),
              e);
        }
        attempts++;
      }
    }
  }

  private static String notRetried(ErrorKind kind) {
    return kind == ErrorKind.BAD_DATA ? "a row's data" : "not a transient error";
  }

  /** One attempt: new connections, then batches until caught up, busy or asked to stop. */
  private void runBatches(Totals totals, BooleanSupplier stopRequested) throws SQLException {
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        Session session = new Session(from, to)) {
      if (!session.lookAhead(totals)) {
        return;
      }
      BatchEnd end;
      do {
        end = session.runBatch(totals);
      } while (end == BatchEnd.FULL && !stopRequested.getAsBoolean());
    }
  }

  /** Adds the sync's cursor row unless it exists; the engine's tables are there since build. */
  private void ensureCursorRow(Connection to) throws SQLException {
    boolean autoCommit = to.getAutoCommit();
    to.setAutoCommit(false);
    cursors.ensureRow(to, table.name());
    to.setAutoCommit(autoCommit);
    cursorRowSeen = true;
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

  /**
   * One attempt's connections and the statements prepared on them. The rows of the next batch are
   * read from the source on a second thread while the current batch is written, since each batch
   * knows where the next one starts; a batch uses rows read ahead only when the position it finds
   * under the lock is the one they were read after.
   */
  private final class Session implements AutoCloseable, Reconciliation.Session<R> {
    private final Connection from;
    private final Connection to;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final ReadAhead<R> readAhead = new ReadAhead<>();
    /** The rows the next keyset read asks for: a batch, or a chunk of a backlog. */
    private int readSize = table.batchSize();

    Session(Connection from, Connection to) throws SQLException {
      this.from = from;
      this.to = to;
      from.setReadOnly(true);
      from.setAutoCommit(true);
    }

    @Override
    public Connection source() {
      return from;
    }

    @Override
    public Connection target() {
      return to;
    }

    /** Writes rows a reconciliation read again from the source, as a batch writes them. */
    @Override
    public int write(SourceRows<R> rows, PageProgress progress) throws SQLException {
      failUnlessSetAside(rows.rejected(), progress);
      List<RejectedRow> refused = writer.write(to, sql -> prepare(to, sql), rows.records());
      setAsideBadRows(rows, refused, progress);
      return rows.records().size() - refused.size();
    }

    /** {@code sql} prepared on {@code connection}, once per session. */
    @Override
    public synchronized PreparedStatement prepare(Connection connection, String sql)
        throws SQLException {
      PreparedStatement statement = statements.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
      }
      return statement;
    }

    /**
     * Reads the stored position without a lock or a transaction, and the rows after it. Returns
     * false when there are none: a run that finds nothing new costs two reads. Otherwise the rows
     * are kept for the first batch, which checks the position again under the lock. A table
     * without a position goes straight to the lock, where its snapshot starts or goes on.
     */
    boolean lookAhead(Totals totals) throws SQLException {
      if (!cursorRowSeen) {
        ensureCursorRow(to);
      }
      Optional<CursorStore.StoredCursor> stored = readCursorRow();
      if (stored.isEmpty()) { // deleted since, to start the table over
        ensureCursorRow(to);
        stored = readCursorRow();
      }
      Position after = stored.filter(CursorStore.StoredCursor::hasPosition)
          .map(c -> layout.decode(c.cursorText(), c.keyText()))
          .orElse(null);
      totals.locked(after);
      if (after == null && settings.snapshot()) {
        to.setAutoCommit(false);
        return true; // a snapshot starts, or goes on, under the lock
      }
      SourceRows<R> rows = reader.read(keysetRead(after, readSize));
      if (rows.count() == 0) {
        return false;
      }
      readAhead.keep(after, rows);
      to.setAutoCommit(false);
      return true;
    }

    private Optional<CursorStore.StoredCursor> readCursorRow() throws SQLException {
      Optional<CursorStore.StoredCursor> stored = cursors.readRow(to, table.name());
      if (!to.getAutoCommit()) {
        to.rollback();
      }
      return stored;
    }

    /**
     * The rows after {@code after}: those read ahead when they were read after it, else read now.
     * Rows read ahead after another position are dropped: another runner moved the cursor.
     */
    private SourceRows<R> rowsAfter(Position after) throws SQLException {
      Optional<SourceRows<R>> read = readAhead.take(after);
      return read.isPresent() ? read.get() : reader.read(keysetRead(after, readSize));
    }

    /** Starts reading the batch after {@code last} on the read-ahead thread. */
    private void readAheadAfter(Position last, int limit) {
      readAhead.start(last, () -> reader.read(keysetRead(last, limit)));
    }

    /** Runs one batch in one target transaction. */
    BatchEnd runBatch(Totals totals) throws SQLException {
      return pages
          .run(to, locked -> batch(locked, totals))
          .orElseGet(
              () -> {
                totals.stoppedBusy = true;
                return BatchEnd.BUSY;
              });
    }

    /** One batch, or one snapshot chunk while the table has no position, under the lock. */
    private PageTransaction.PageEnd<BatchEnd> batch(
        CursorStore.StoredCursor cursor, Totals totals) throws SQLException {
      if (!cursor.hasPosition() && settings.snapshot()) {
        return snapshotChunk(cursor, totals);
      }
      Position after =
          cursor.hasPosition() ? layout.decode(cursor.cursorText(), cursor.keyText()) : null;
      totals.locked(after);
      SourceRows<R> rows = rowsAfter(after);
      if (rows.count() == 0) {
        return PageTransaction.PageEnd.rolledBack(BatchEnd.CAUGHT_UP);
      }
      boolean full = rows.count() == readSize;
      if (full && rows.last() != null) {
        readSize = backlog.readSizeAfterFull(totals.rowsRead + rows.count());
        readAheadAfter(rows.last(), readSize);
      }
      failUnlessSetAside(rows.rejected(), totals);
      List<RejectedRow> refused = backlog.write(to, sql -> prepare(to, sql), rows.records());
      List<RejectedRow> setAside = setAsideBadRows(rows, refused, totals);
      int written = rows.records().size() - refused.size();
      cursors.update(to, table.name(), rows.last(), written);
      return PageTransaction.PageEnd.committed(
          full ? BatchEnd.FULL : BatchEnd.CAUGHT_UP,
          () -> {
            totals.committed(rows.count(), written, setAside.size(), rows.last());
            report(totals, written, setAside);
          });
    }

    /**
     * One chunk of a snapshot, in the transaction that holds the cursor row: the first takes the
     * high-water mark; a short one hands over to batches from the start of it, and the run goes
     * on with those. Rows it cannot read or write fail it or are set aside, as in a batch. While
     * a full chunk is written, the next is read on another thread.
     */
    private PageTransaction.PageEnd<BatchEnd> snapshotChunk(
        CursorStore.StoredCursor cursor, Totals totals) throws SQLException {
      totals.locked(null);
      Position reached =
          cursor.hasSnapshot()
              ? layout.decode(cursor.snapshotHighWater(), cursor.snapshotKey())
              : null;
      Object highWater =
          reached != null
              ? reached.cursor()
              : snapshot.highWater(from, table.lagSeconds() > 0 ? upperBound() : null);
      if (highWater == null) {
        return PageTransaction.PageEnd.rolledBack(BatchEnd.CAUGHT_UP); // nothing to copy yet
      }
      Optional<SourceRows<R>> readEarlier = readAhead.take(reached);
      SourceRows<R> rows =
          readEarlier.isPresent()
              ? readEarlier.get()
              : readChunk(prepare(from, snapshot.readSql(reached)), reached);
      failUnlessSetAside(rows.rejected(), totals); // so that the last row has a position
      Position next = null;
      if (rows.count() == snapshot.chunkSize()) {
        List<Object> values = new ArrayList<>(List.of(highWater));
        values.addAll(rows.last().key());
        Position after = new Position(values);
        // Prepared here: only reading and binding move to the other thread.
        PreparedStatement select = prepare(from, snapshot.readSql(after));
        readAhead.start(after, () -> readChunk(select, after));
        next = after;
      }
      return writeChunk(rows, next, highWater, totals);
    }

    /** The rows of the chunk after {@code reached}, read with {@code select}. */
    private SourceRows<R> readChunk(PreparedStatement select, Position reached)
        throws SQLException {
      snapshot.bindRead(select, reached);
      return reader.read(select);
    }

    /**
     * Writes a chunk's rows and stores {@code next}, the snapshot's state after them, or when the
     * chunk was short (null), hands over to batches; the page then commits.
     */
    private PageTransaction.PageEnd<BatchEnd> writeChunk(
        SourceRows<R> rows, Position next, Object highWater, Totals totals) throws SQLException {
      List<RejectedRow> refused = snapshot.write(to, sql -> prepare(to, sql), rows.records());
      List<RejectedRow> setAside = setAsideBadRows(rows, refused, totals);
      int written = rows.records().size() - refused.size();
      String lastKey = rows.count() == 0 ? null : rows.last().keyText();
      Position handedOver;
      if (next != null) {
        handedOver = null;
        cursors.updateSnapshot(to, table.name(), next, written);
      } else {
        handedOver = Position.startOf(highWater);
        cursors.update(to, table.name(), handedOver, written);
      }
      // Either more chunks follow, or batches from the high-water mark.
      return PageTransaction.PageEnd.committed(
          BatchEnd.FULL,
          () -> {
            readAhead.awaitRead(); // the source connection is this thread's again
            totals.chunkCommitted(rows.count(), written, setAside.size(), lastKey, handedOver);
            report(totals, written, setAside);
          });
    }

    /**
     * Fails the batch on a row the target refused, unless the table sets bad rows aside; then
     * sets aside, in the open transaction, every row that could not be read or written.
     */
    private List<RejectedRow> setAsideBadRows(
        SourceRows<R> rows, List<RejectedRow> refused, PageProgress totals) throws SQLException {
      failUnlessSetAside(refused, totals);
      List<RejectedRow> setAside = new ArrayList<>(rows.rejected());
      setAside.addAll(refused);
      for (RejectedRow row : setAside) {
        deadLetters.put(to, table.name(), row.position(), row.error(), row.row());
      }
      return setAside;
    }

    private void report(Totals totals, int written, List<RejectedRow> setAside) {
      log.debug(
          "{}: batch {} of {} rows committed, cursor {}{}",
          table.name(),
          totals.batches,
          written,
          totals.stored(),
          totals.snapshotKey == null ? "" : ", snapshot at key " + totals.snapshotKey);
      if (!setAside.isEmpty()) {
        RejectedRow first = setAside.get(0);
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
                  written + setAside.size(),
                  totals.rowsWritten,
                  totals.position == null ? null : totals.position.cursorText(),
                  Duration.ofNanos(System.nanoTime() - totals.started),
                  totals.snapshotKey));
    }

    /**
     * The keyset read of {@code limit} rows after {@code after} (from the start when null), its
     * parameters bound.
     */
    private PreparedStatement keysetRead(Position after, int limit) throws SQLException {
      KeysetSelect shape = plan.readAfter(after);
      PreparedStatement select = prepare(from, shape.sql());
      int index = 1;
      for (KeysetSelect.Parameter parameter : shape.parameters()) {
        if (parameter instanceof KeysetSelect.PositionValue value) {
          Parameters.bind(
              select, index, after.values().get(value.element()), plan.source().columnValues());
        } else if (parameter instanceof KeysetSelect.UpperBound) {
          Parameters.bind(select, index, upperBound(), plan.source().columnValues());
        } else {
          select.setInt(index, limit);
        }
        index++;
      }
      return select;
    }

    /**
     * The source's clock minus the lag, in the cursor's type; for an instant, the clock was read
     * in UTC.
     */
    private Object upperBound() throws SQLException {
      try (Statement clock = from.createStatement();
          ResultSet now = clock.executeQuery(plan.sourceClock())) {
        now.next();
        LocalDateTime bound =
            plan.source()
                .columnValues()
                .getLocalDateTime(now, 1)
                .minusSeconds(table.lagSeconds());
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
     * Fails the batch with the first of {@code rejected}, unless the table sets bad rows aside
     * and every one of them has a position to store.
     */
    private void failUnlessSetAside(List<RejectedRow> rejected, PageProgress totals) {
      for (RejectedRow row : rejected) {
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

    private BadRowException badRow(RejectedRow row, PageProgress totals, String problem) {
      return new BadRowException(
          table.name(), totals.stored(), row.key(), row.column(), problem, row.cause());
    }

    @Override
    public void close() throws SQLException {
      readAhead.close(); // waits for a read still using the source connection
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
    }
  }

  /** What one run has done so far. */
  private final class Totals implements PageProgress {
    private final long started = System.nanoTime();
    private long rowsRead;
    private long rowsWritten;
    private long rowsDeadLettered;
    private int batches;
    private boolean stoppedBusy;
    /** The stored position as last seen: locked at a batch's start, or committed at its end. */
    private Position position;
    private boolean positionSeen;
    /** The last key of the last committed snapshot chunk, as stored; null after a batch. */
    private String snapshotKey;

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
      snapshotKey = null;
    }

    /**
     * A snapshot chunk committed: {@code lastKey} is its last row's key (null when it had none),
     * and {@code handedOver} the position it stored, or null while the snapshot goes on.
     */
    void chunkCommitted(int read, int written, int setAside, String lastKey, Position handedOver) {
      committed(read, written, setAside, handedOver);
      snapshotKey = lastKey;
    }

    @Override
    public int pagesCommitted() {
      return batches;
    }

    @Override
    public String stored() {
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
