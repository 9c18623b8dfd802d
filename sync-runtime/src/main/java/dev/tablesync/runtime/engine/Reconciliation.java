package dev.tablesync.runtime.engine;

import dev.tablesync.annotations.GoneRowPolicy;
import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileRefusedException;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reconciliation of one table: its source query's rows and its target table's rows compared
 * by key, in key ranges that are pages like batches (one target transaction under the cursor
 * row's lock), each range's two sides read at once. Missing and different rows are read again by
 * key under the lock and written as a batch writes them, unless the source changed them after the
 * stored position: those are the next batch's. Target rows whose key the source no longer
 * returns are deleted or marked last, after every range was compared, and only when the source
 * returned rows and they stay within the delete guard: each is checked again in the source under
 * the lock first.
 *
 * <p>Memory: one range of each side, and the keys to delete, which the guard bounds.
 *
 * @param <R> the table's record
 */
final class Reconciliation<R extends Record> {

  private final TableSync<R> sync;
  private final TableSpec table;
  private final ReconcilePlan plan;
  private final TablePlan tablePlan;
  private final RowLayout layout;
  private final SourceReader<R> reader;
  private final PageTransaction pages;
  private final SyncListener listener;
  private final double deleteGuard;

  /** What the runner lends a reconciliation: its connections, statements and batch writes. */
  interface Session<R extends Record> {
    Connection source();

    Connection target();

    PreparedStatement prepare(Connection connection, String sql) throws SQLException;

    /** Writes {@code rows} in the open target transaction as a batch would; rows written. */
    int write(SourceRows<R> rows, PageProgress progress) throws SQLException;
  }

  Reconciliation(
      TableSync<R> sync,
      ReconcilePlan plan,
      TablePlan tablePlan,
      RowLayout layout,
      SourceReader<R> reader,
      PageTransaction pages,
      EngineSettings settings) {
    this.sync = sync;
    this.table = sync.spec();
    this.plan = plan;
    this.tablePlan = tablePlan;
    this.layout = layout;
    this.reader = reader;
    this.pages = pages;
    this.listener = settings.listener();
    this.deleteGuard = table.deleteGuard() >= 0 ? table.deleteGuard() : settings.deleteGuard();
  }

  /** A reconciliation's counts and where it stands, kept across retries. */
  final class Totals implements PageProgress {
    private final ReconcileDepth depth;
    private final long started = System.nanoTime();
    private long sourceRows;
    private long targetRows;
    private long missing;
    private long extra;
    private long different;
    private long repaired;
    private long deleted;
    private long leftToBatches;
    private int pagesCommitted;
    /** The last key of the last committed range; null before the first. */
    private List<Object> lastKey;
    private boolean compared;
    /** Keys of extra rows to delete or mark, as many as the guard could allow. */
    private final List<List<Object>> gone = new ArrayList<>();
    private long goneCap = -1;
    private int goneRemoved;
    private String stored = "not read yet";

    Totals(ReconcileDepth depth) {
      this.depth = depth;
    }

    @Override
    public int pagesCommitted() {
      return pagesCommitted;
    }

    @Override
    public String stored() {
      return stored;
    }

    ReconcileResult result() {
      return new ReconcileResult(
          table.name(),
          depth,
          sourceRows,
          targetRows,
          missing,
          extra,
          different,
          repaired,
          deleted,
          leftToBatches,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  Totals start(ReconcileDepth depth) {
    return new Totals(depth);
  }

  /** One row of a range, as compared: its key, cursor, values (all, by depth) and mark. */
  private record RangeRow(List<Object> key, Object cursor, Object[] values, boolean marked) {}

  /** What one range found, counted only once it commits. */
  private static final class RangeCounts {
    long sourceRows;
    long targetRows;
    long missing;
    long extra;
    long different;
    long repaired;
    long leftToBatches;
    final List<List<Object>> gone = new ArrayList<>();
  }

  /**
   * Compares every range from where {@code totals} stands, repairing missing and different rows
   * range by range. Source reads run on a thread of their own beside the target's.
   */
  void compare(Session<R> session, Totals totals) throws SQLException {
    if (totals.compared) {
      return;
    }
    if (totals.goneCap < 0) {
      totals.goneCap =
          table.goneRows() == GoneRowPolicy.KEEP
              ? 0
              : (long) Math.floor(deleteGuard * countTarget(session.target())) + plan.rangeSize();
    }
    ExecutorService sourceThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "tablesync-reconcile-" + table.name());
              thread.setDaemon(true);
              return thread;
            });
    try {
      boolean more = true;
      while (more) {
        more = pages.run(session.target(), locked -> range(session, locked, totals, sourceThread))
            .orElse(true);
      }
      totals.compared = true;
    } finally {
      sourceThread.shutdownNow();
    }
  }

  private long countTarget(Connection to) throws SQLException {
    try (Statement count = to.createStatement();
        ResultSet rows = count.executeQuery(plan.countTarget())) {
      rows.next();
      long n = rows.getLong(1);
      to.commit();
      return n;
    }
  }

  /** Compares and repairs the range after the last committed one; true when more follow. */
  private PageTransaction.PageEnd<Boolean> range(
      Session<R> session, CursorStore.StoredCursor locked, Totals totals, ExecutorService sourceThread)
      throws SQLException {
    Position stored = storedPosition(locked, totals);
    List<Object> after = totals.lastKey;
    KeysetSelect sourceRead = plan.source(totals.depth).after(after);
    PreparedStatement sourceSelect = session.prepare(session.source(), sourceRead.sql());
    bindRange(sourceSelect, sourceRead, after, tablePlan.source().columnValues());
    Future<List<RangeRow>> sourcePage =
        sourceThread.submit(() -> readRange(sourceSelect, totals.depth, false, "source"));
    List<RangeRow> targetRows;
    List<RangeRow> sourceRows;
    try {
      KeysetSelect targetRead = plan.target(totals.depth).after(after);
      PreparedStatement targetSelect = session.prepare(session.target(), targetRead.sql());
      bindRange(targetSelect, targetRead, after, tablePlan.target().columnValues());
      targetRows = readRange(targetSelect, totals.depth, true, "target");
    } finally {
      sourceRows = await(sourcePage);
    }
    List<Object> upTo = rangeEnd(sourceRows, targetRows);
    RangeCounts counts = new RangeCounts();
    List<RangeRow> toRead = new ArrayList<>();
    Map<List<Object>, RangeRow> targetOf = new TreeMap<>(ComparedValues.KEY_ORDER);
    List<List<Object>> unmark = new ArrayList<>();
    int s = 0;
    int t = 0;
    int sourceEnd = endOf(sourceRows, upTo);
    int targetEnd = endOf(targetRows, upTo);
    counts.sourceRows = sourceEnd;
    counts.targetRows = targetEnd;
    while (s < sourceEnd || t < targetEnd) {
      int order =
          s == sourceEnd
              ? 1
              : t == targetEnd
                  ? -1
                  : ComparedValues.KEY_ORDER.compare(sourceRows.get(s).key(), targetRows.get(t).key());
      if (order < 0) {
        counts.missing++;
        toRead.add(sourceRows.get(s++));
      } else if (order > 0) {
        RangeRow extra = targetRows.get(t++);
        if (!extra.marked()) {
          counts.extra++;
          counts.gone.add(extra.key());
        }
      } else {
        RangeRow source = sourceRows.get(s++);
        RangeRow target = targetRows.get(t++);
        if (target.marked()) {
          unmark.add(target.key());
        }
        if (differ(source, target, totals.depth)) {
          counts.different++;
          toRead.add(source);
          targetOf.put(target.key(), target);
        }
      }
    }
    repair(session, toRead, targetOf, stored, counts, totals);
    counts.repaired += setMarks(session, unmark, false);
    return PageTransaction.PageEnd.committed(
        upTo != null,
        () -> {
          totals.sourceRows += counts.sourceRows;
          totals.targetRows += counts.targetRows;
          totals.missing += counts.missing;
          totals.extra += counts.extra;
          totals.different += counts.different;
          totals.repaired += counts.repaired;
          totals.leftToBatches += counts.leftToBatches;
          for (List<Object> key : counts.gone) {
            if (totals.gone.size() < totals.goneCap) {
              totals.gone.add(key);
            }
          }
          totals.lastKey = upTo;
          totals.pagesCommitted++;
          listener.reconcileProgress(totals.result());
        });
  }

  /**
   * Reads the missing and different rows again by key, now, under the lock, and writes those the
   * source still returns and did not change after {@code stored}. A different row the source no
   * longer returns is extra now.
   */
  private void repair(
      Session<R> session,
      List<RangeRow> toRead,
      Map<List<Object>, RangeRow> targetOf,
      Position stored,
      RangeCounts counts,
      Totals totals)
      throws SQLException {
    if (toRead.isEmpty()) {
      return;
    }
    SourceRows<R> fresh = recheck(session, toRead.stream().map(RangeRow::key).toList());
    Map<List<Object>, R> byKey = new TreeMap<>(ComparedValues.KEY_ORDER);
    for (R record : fresh.records()) {
      byKey.put(layout.keyOf(sync.values(record)), record);
    }
    SourceRows<R> toWrite = new SourceRows<>();
    for (RangeRow row : toRead) {
      R record = byKey.get(row.key());
      if (record == null) {
        RangeRow target = targetOf.get(row.key());
        if (target != null && !target.marked()) {
          counts.extra++;
          counts.gone.add(target.key());
        }
        continue;
      }
      Object[] values = sync.values(record);
      Object cursor = values[table.cursorIndex()];
      if (cursor == null) {
        continue; // rows without a change time are never synced
      }
      if (changedAfter(cursor, row.key(), stored)) {
        counts.leftToBatches++;
        continue;
      }
      toWrite.add(record, layout.positionOf(values));
    }
    for (RejectedRow rejected : fresh.rejected()) {
      toWrite.reject(rejected);
    }
    if (toWrite.count() > 0) {
      counts.repaired += session.write(toWrite, totals);
    }
  }

  /**
   * Deletes or marks the extra rows found, in ranges under the lock, each key checked again in the
   * source first; refuses when the evidence is thin: a source that returned no rows at all, or
   * more rows to remove than the delete guard allows.
   *
   * @throws ReconcileRefusedException when it refuses; nothing is deleted then
   */
  void removeGone(Session<R> session, Totals totals) throws SQLException {
    if (table.goneRows() == GoneRowPolicy.KEEP || totals.extra == 0) {
      return;
    }
    String verb = table.goneRows() == GoneRowPolicy.DELETE ? "delete" : "mark";
    if (totals.sourceRows == 0) {
      throw new ReconcileRefusedException(
          table.name(),
          totals.stored(),
          "refused to " + verb + " any of the " + totals.extra + " target rows: the source query"
              + " returned no rows at all. A wrong data source, an emptied or restored source, or"
              + " a query that suddenly returns nothing looks like this; nothing was deleted",
          totals.result());
    }
    long allowed = (long) Math.floor(deleteGuard * totals.targetRows);
    if (totals.extra > allowed || totals.extra > totals.gone.size()) {
      throw new ReconcileRefusedException(
          table.name(),
          totals.stored(),
          "refused to " + verb + " " + totals.extra + " target rows the source no longer returns:"
              + " that is " + percent((double) totals.extra / totals.targetRows) + " of the "
              + totals.targetRows + " target rows, more than the delete guard of "
              + percent(deleteGuard) + " (at most " + allowed + " rows); nothing was deleted. If"
              + " the source really lost them, raise deleteGuard on the record or"
              + " SyncEngine.Builder.deleteGuard",
          totals.result());
    }
    while (totals.goneRemoved < totals.gone.size()) {
      int from = totals.goneRemoved;
      int to = Math.min(totals.gone.size(), from + plan.rangeSize());
      List<List<Object>> keys = totals.gone.subList(from, to);
      pages.run(
          session.target(),
          locked -> {
            storedPosition(locked, totals);
            TreeSet<List<Object>> present = presentKeys(session, keys);
            List<List<Object>> absent = keys.stream().filter(k -> !present.contains(k)).toList();
            if (table.goneRows() == GoneRowPolicy.DELETE) {
              byKey(session, plan.delete(), absent, null);
            } else {
              setMarks(session, absent, true);
            }
            return PageTransaction.PageEnd.committed(
                absent.size(),
                () -> {
                  totals.deleted += absent.size();
                  totals.goneRemoved = to;
                  totals.pagesCommitted++;
                  listener.reconcileProgress(totals.result());
                });
          });
    }
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** The stored position, which must exist: a table is reconciled once it has been synced. */
  private Position storedPosition(CursorStore.StoredCursor locked, Totals totals) {
    if (!locked.hasPosition()) {
      totals.stored = "none";
      throw new SyncException(
          table.name(),
          "none",
          "cannot be reconciled before its first sync has finished (no stored position, or a"
              + " snapshot under way): run it first",
          null);
    }
    Position stored = layout.decode(locked.cursorText(), locked.keyText());
    totals.stored = stored.toString();
    return stored;
  }

  /** Whether a row with {@code cursor} and {@code key} is after the stored position. */
  private static boolean changedAfter(Object cursor, List<Object> key, Position stored) {
    int byCursor = ComparedValues.compare(cursor, stored.cursor());
    if (stored.isStartOfCursor()) {
      return byCursor >= 0;
    }
    return byCursor > 0 || (byCursor == 0 && ComparedValues.compareKeys(key, stored.key()) > 0);
  }

  /** Whether two rows of one key differ, by cursor or by every value, as the depth says. */
  private static boolean differ(RangeRow source, RangeRow target, ReconcileDepth depth) {
    if (depth == ReconcileDepth.KEYS) {
      return !ComparedValues.same(source.cursor(), target.cursor());
    }
    if (source.values() == null) {
      return false; // a source row it cannot read is never written, so never compared
    }
    return target.values() == null || !ComparedValues.same(source.values(), target.values());
  }

  /** Where the range ends: the smaller of the two sides' last keys when a side read a full range. */
  private List<Object> rangeEnd(List<RangeRow> source, List<RangeRow> target) {
    List<Object> end = null;
    for (List<RangeRow> side : List.of(source, target)) {
      if (side.size() == plan.rangeSize()) {
        List<Object> last = side.get(side.size() - 1).key();
        if (end == null || ComparedValues.KEY_ORDER.compare(last, end) < 0) {
          end = last;
        }
      }
    }
    return end;
  }

  /** How many of {@code rows} are at most {@code upTo} (all of them when null). */
  private static int endOf(List<RangeRow> rows, List<Object> upTo) {
    if (upTo == null) {
      return rows.size();
    }
    int end = 0;
    while (end < rows.size() && ComparedValues.KEY_ORDER.compare(rows.get(end).key(), upTo) <= 0) {
      end++;
    }
    return end;
  }

  private void bindRange(
      PreparedStatement select, KeysetSelect read, List<Object> after, ColumnValues values)
      throws SQLException {
    int index = 1;
    for (KeysetSelect.Parameter parameter : read.parameters()) {
      if (parameter instanceof KeysetSelect.PositionValue value) {
        Parameters.bind(select, index, after.get(value.element() - 1), values);
      } else {
        select.setInt(index, plan.rangeSize());
      }
      index++;
    }
  }

  /**
   * Reads one range of one side. Keys must come in the order {@link ComparedValues} orders them,
   * or ranges would not line up between the two databases.
   */
  private List<RangeRow> readRange(
      PreparedStatement select, ReconcileDepth depth, boolean target, String side)
      throws SQLException {
    ColumnValues values = target ? tablePlan.target().columnValues() : tablePlan.source().columnValues();
    int columns = depth == ReconcileDepth.FULL ? table.columns().size() : table.keys().size() + 1;
    boolean marks = target && table.goneRows().marks();
    List<RangeRow> rows = new ArrayList<>(plan.rangeSize());
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        RangeRow row =
            depth == ReconcileDepth.FULL ? fullRow(rs, values) : keyRow(rs, values);
        boolean marked = marks && isMarked(rs, columns + 1);
        row = new RangeRow(row.key(), row.cursor(), row.values(), marked);
        if (!rows.isEmpty()
            && ComparedValues.KEY_ORDER.compare(rows.get(rows.size() - 1).key(), row.key()) >= 0) {
          throw new SyncException(
              table.name(),
              "unchanged",
              "the " + side + " orders keys differently from how reconciliation compares them: "
                  + row.key() + " came after " + rows.get(rows.size() - 1).key() + "; text keys"
                  + " must sort by code point on both sides (a binary collation, such as"
                  + " utf8mb4_bin on MySQL and MariaDB or \"C\" on PostgreSQL)",
              null);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private boolean isMarked(ResultSet rs, int column) throws SQLException {
    if (table.goneRows() == GoneRowPolicy.MARK_FLAG) {
      return rs.getBoolean(column);
    }
    return rs.getObject(column) != null;
  }

  /** A row read with every column; one generated code cannot read compares as unreadable. */
  private RangeRow fullRow(ResultSet rs, ColumnValues columnValues) throws SQLException {
    try {
      Object[] values = sync.values(sync.read(rs, columnValues));
      return new RangeRow(layout.keyOf(values), values[table.cursorIndex()], values, false);
    } catch (RuntimeException unreadable) {
      List<Object> key = new ArrayList<>();
      for (int index : table.keyIndexes()) {
        key.add(Parameters.read(rs, index + 1, table.columns().get(index).javaType(), columnValues));
      }
      return new RangeRow(key, null, null, false);
    }
  }

  /** A row read by key and cursor: the key columns, then the cursor. */
  private RangeRow keyRow(ResultSet rs, ColumnValues columnValues) throws SQLException {
    List<Object> key = new ArrayList<>();
    int column = 1;
    for (var k : table.keys()) {
      key.add(Parameters.read(rs, column++, k.javaType(), columnValues));
    }
    Object cursor = Parameters.read(rs, column, table.cursor().javaType(), columnValues);
    return new RangeRow(key, cursor, null, false);
  }

  /** The source rows of {@code keys}, read now, {@link ReconcilePlan#RECHECK_KEYS} at a time. */
  private SourceRows<R> recheck(Session<R> session, List<List<Object>> keys) throws SQLException {
    SourceRows<R> all = new SourceRows<>();
    PreparedStatement select = session.prepare(session.source(), plan.recheck());
    for (int from = 0; from < keys.size(); from += ReconcilePlan.RECHECK_KEYS) {
      bindKeys(select, keys.subList(from, Math.min(keys.size(), from + ReconcilePlan.RECHECK_KEYS)));
      SourceRows<R> rows = reader.read(select);
      rows.records().forEach(r -> all.add(r, null));
      rows.rejected().forEach(all::reject);
    }
    return all;
  }

  /**
   * Which of {@code keys} the source returns now, read by key alone so that a row whose other
   * values cannot be read still counts as there.
   */
  private TreeSet<List<Object>> presentKeys(Session<R> session, List<List<Object>> keys)
      throws SQLException {
    TreeSet<List<Object>> present = new TreeSet<>(ComparedValues.KEY_ORDER);
    PreparedStatement select = session.prepare(session.source(), plan.recheck());
    ColumnValues values = tablePlan.source().columnValues();
    for (int from = 0; from < keys.size(); from += ReconcilePlan.RECHECK_KEYS) {
      bindKeys(select, keys.subList(from, Math.min(keys.size(), from + ReconcilePlan.RECHECK_KEYS)));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          List<Object> key = new ArrayList<>();
          for (int index : table.keyIndexes()) {
            key.add(Parameters.read(rs, index + 1, table.columns().get(index).javaType(), values));
          }
          present.add(key);
        }
      }
    }
    return present;
  }

  /** Binds up to {@link ReconcilePlan#RECHECK_KEYS} keys, repeating the last in unused places. */
  private void bindKeys(PreparedStatement select, List<List<Object>> keys) throws SQLException {
    int index = 1;
    for (int i = 0; i < ReconcilePlan.RECHECK_KEYS; i++) {
      for (Object value : keys.get(Math.min(i, keys.size() - 1))) {
        Parameters.bind(select, index++, value, tablePlan.source().columnValues());
      }
    }
  }

  /** Marks ({@code gone}) or unmarks the target rows of {@code keys}; how many. */
  private int setMarks(Session<R> session, List<List<Object>> keys, boolean gone)
      throws SQLException {
    if (keys.isEmpty()) {
      return 0;
    }
    Boolean flag = table.goneRows() == GoneRowPolicy.MARK_FLAG ? gone : null;
    byKey(session, gone ? plan.markGone() : plan.markBack(), keys, flag);
    return keys.size();
  }

  /** Runs {@code sql} once per key, in one JDBC batch, with {@code flag} first when not null. */
  private void byKey(Session<R> session, String sql, List<List<Object>> keys, Boolean flag)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    PreparedStatement statement = session.prepare(session.target(), sql);
    ColumnValues values = tablePlan.target().columnValues();
    for (List<Object> key : keys) {
      int index = 1;
      if (flag != null) {
        statement.setBoolean(index++, flag);
      }
      for (Object value : key) {
        Parameters.bind(statement, index++, value, values);
      }
      statement.addBatch();
    }
    statement.executeBatch();
  }

  private static <T> T await(Future<T> read) throws SQLException {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading the source", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SQLException(e.getCause());
    }
  }
}
