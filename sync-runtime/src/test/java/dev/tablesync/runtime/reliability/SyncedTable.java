package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.Shipment;
import dev.tablesync.runtime.tables.ShipmentSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * A synced table keyed by a numeric id with a date-time cursor, on both sides of a route: its
 * rows, its stored position, and how the target compares with the source.
 *
 * @param <R> the table's record
 */
final class SyncedTable<R extends Record> {

  final String syncName;
  final DataSource source;
  final DataSource target;
  private final String selectSource;
  private final String selectTarget;
  private final TableSync<R> sync;
  private final ToLongFunction<R> id;
  private final Function<R, LocalDateTime> changedAt;

  private SyncedTable(
      String syncName,
      DataSource source,
      DataSource target,
      String selectSource,
      String selectTarget,
      TableSync<R> sync,
      ToLongFunction<R> id,
      Function<R, LocalDateTime> changedAt) {
    this.syncName = syncName;
    this.source = source;
    this.target = target;
    this.selectSource = selectSource;
    this.selectTarget = selectTarget;
    this.sync = sync;
    this.id = id;
    this.changedAt = changedAt;
  }

  /** The {@link Item} tables, created in new databases on both sides of {@code route}. */
  static SyncedTable<Item> items(Route route, TestDatabases databases) {
    DataSource source = databases.create(route.source(), "item_src");
    DataSource target = databases.create(route.target(), "item_dst");
    Sql.execute(
        source,
        "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(12,2),"
            + " changed_at " + route.source().timestampType() + " NOT NULL,"
            + " deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(
        target,
        "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(12,2),"
            + " changed_at " + route.target().timestampType() + " NOT NULL)");
    return new SyncedTable<>(
        "item",
        source,
        target,
        "SELECT id, name, price, changed_at FROM item WHERE deleted = 0 ORDER BY id",
        "SELECT id, name, price, changed_at FROM item_copy ORDER BY id",
        new ItemSync(),
        Item::id,
        Item::changedAt);
  }

  /** The {@link Shipment} tables, created in new databases on both sides of {@code route}. */
  static SyncedTable<Shipment> shipments(Route route, TestDatabases databases) {
    DataSource source = databases.create(route.source(), "shipment_src");
    DataSource target = databases.create(route.target(), "shipment_dst");
    String columns = " (id BIGINT PRIMARY KEY, label VARCHAR(40), weight INT NOT NULL, changed_at ";
    Sql.execute(
        source, "CREATE TABLE shipment" + columns + route.source().timestampType() + " NOT NULL)");
    Sql.execute(
        target,
        "CREATE TABLE shipment_copy" + columns + route.target().timestampType() + " NOT NULL)");
    String select = "SELECT id, label, weight, changed_at FROM %s ORDER BY id";
    return new SyncedTable<>(
        "shipment",
        source,
        target,
        select.formatted("shipment"),
        select.formatted("shipment_copy"),
        new ShipmentSync(),
        Shipment::id,
        Shipment::changedAt);
  }

  /**
   * Adds {@code count} items from {@code firstId} on, changed at {@code from} and a second later
   * for every {@code perTime} of them, so that many share each change time.
   */
  void insertItems(long firstId, int count, int perTime, LocalDateTime from) {
    Sql.batch(
        source,
        "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
        firstId,
        firstId + count - 1,
        n ->
            List.of(
                n,
                "item " + n,
                BigDecimal.valueOf(n * 7, 2),
                from.plusSeconds((n - firstId) / perTime)));
  }

  /** An engine over this table's databases. */
  SyncEngine.Builder engine() {
    return SyncEngine.builder().dataSource("source", source).dataSource("target", target);
  }

  List<R> sourceRows() {
    return Sql.records(source, selectSource, sync);
  }

  List<R> targetRows() {
    return Sql.records(target, selectTarget, sync);
  }

  /**
   * Fails unless the stored position is never ahead of the data: every source row at or before it
   * is in the target as it is in the source. During a snapshot into a target that was empty, every
   * source row up to the stored key is copied, and none after it. Reads the target's cursor and
   * rows in one snapshot, as a killed runner's last commit may still be landing.
   */
  void assertCursorNotAhead(String context) {
    TargetState<R> state = targetState();
    if (state.position().isEmpty() && state.snapshotKey().isPresent()) {
      long lastKey = state.snapshotKey().get();
      for (R row : sourceRows()) {
        long key = id.applyAsLong(row);
        if (key <= lastKey && !row.equals(state.rows().get(key))) {
          fail(context + ": the snapshot's key " + lastKey + " is ahead of the data: source row "
              + row + " is copied as " + state.rows().get(key));
        }
      }
      for (long key : state.rows().keySet()) {
        if (key > lastKey) {
          fail(context + ": the target holds key " + key + ", after the snapshot's " + lastKey);
        }
      }
      return;
    }
    for (R row : sourceRows()) {
      if (state.position().isPresent() && !after(row, state.position().get())) {
        R copy = state.rows().get(id.applyAsLong(row));
        if (!row.equals(copy)) {
          fail(context + ": the cursor " + state.position().get() + " is ahead of the data:"
              + " source row " + row + " is copied as " + copy);
        }
      }
    }
  }

  /**
   * Fails when the target holds a row after the stored position, or any row while none is
   * stored: each batch's rows commit with its cursor. Holds where every row came by batches; a
   * snapshot copies rows beyond the position where batches take over.
   */
  void assertNothingAfterCursor(String context) {
    TargetState<R> state = targetState();
    for (R copy : state.rows().values()) {
      if (state.position().isEmpty() || after(copy, state.position().get())) {
        fail(context + ": the target holds " + copy + ", after the cursor " + state.position());
      }
    }
  }

  /** The stored position, if any. */
  Optional<Position> storedPosition() {
    return targetState().position();
  }

  /** The target's stored position, snapshot key and rows, read together. */
  private record TargetState<R>(
      Optional<Position> position, Optional<Long> snapshotKey, Map<Long, R> rows) {}

  private TargetState<R> targetState() {
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      TargetState<R> state =
          new TargetState<>(
              storedPosition(connection),
              storedSnapshotKey(connection),
              byId(read(connection, selectTarget)));
      connection.rollback();
      return state;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last key of the snapshot under way, if one is. */
  private Optional<Long> storedSnapshotKey(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT snapshot_key FROM " + SyncEngine.DEFAULT_CURSOR_TABLE
                + " WHERE sync_name = ? AND snapshot_key IS NOT NULL")) {
      query.setString(1, syncName);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? Optional.of(Long.parseLong(rs.getString(1))) : Optional.empty();
      }
    }
  }

  private Optional<Position> storedPosition(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT cursor_value, key_value FROM " + SyncEngine.DEFAULT_CURSOR_TABLE
                + " WHERE sync_name = ? AND cursor_value IS NOT NULL")) {
      query.setString(1, syncName);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next()
            ? Optional.of(
                Position.decode(
                    rs.getString(1), rs.getString(2), List.of(LocalDateTime.class, long.class)))
            : Optional.empty();
      }
    }
  }

  private List<R> read(Connection connection, String select) throws SQLException {
    List<R> rows = new ArrayList<>();
    ColumnValues columnValues = Sql.columnValues(connection);
    try (PreparedStatement query = connection.prepareStatement(select);
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rows.add(sync.read(rs, columnValues));
      }
    }
    return rows;
  }

  /** Source rows missing from the target or different there. */
  long rowsLost() {
    Map<Long, R> copied = byId(targetRows());
    return sourceRows().stream().filter(r -> !r.equals(copied.get(id.applyAsLong(r)))).count();
  }

  /** Target rows beyond one per source row: keys copied twice, or keys the source lacks. */
  long rowsDuplicated() {
    List<R> copied = targetRows();
    Map<Long, R> original = byId(sourceRows());
    long distinct = copied.stream().mapToLong(id).distinct().count();
    long unknown = copied.stream().filter(r -> !original.containsKey(id.applyAsLong(r))).count();
    return copied.size() - distinct + unknown;
  }

  /** Fails unless the target holds exactly the source's rows. */
  void assertSame(String context) {
    assertEquals(0, rowsLost(), context + ": rows lost");
    assertEquals(0, rowsDuplicated(), context + ": rows duplicated");
  }

  private boolean after(R row, Position position) {
    int byCursor = changedAt.apply(row).compareTo((LocalDateTime) position.cursor());
    if (position.isStartOfCursor()) {
      return byCursor >= 0;
    }
    return byCursor > 0 || byCursor == 0 && id.applyAsLong(row) > (Long) position.key().get(0);
  }

  private Map<Long, R> byId(List<R> rows) {
    Map<Long, R> map = new HashMap<>();
    rows.forEach(r -> map.put(id.applyAsLong(r), r));
    return map;
  }
}
