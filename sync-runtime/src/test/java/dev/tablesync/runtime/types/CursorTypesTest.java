package dev.tablesync.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each cursor type, synced, changed and synced again, in batches of two so that the stored
 * position is used between batches and ties on the cursor are broken by the key. The cursor
 * comes back from the cursor table exactly as the source holds it, the changed rows and only
 * they are read again, and a run after that reads nothing. The JVM runs in America/New_York, and
 * the date-time cursors sit in its daylight-saving gap and in its repeated hour.
 */
class CursorTypesTest {

  /**
   * One cursor type's table: the rows written first, then the rows changed or added, each change
   * with a cursor beyond every first one.
   */
  private record CursorCase<R extends Record>(
      String name, TableSync<R> sync, List<R> first, List<R> changes) {

    String table() {
      return sync.spec().name();
    }

    ColumnSpec key() {
      return sync.spec().keys().get(0);
    }

    /** The greatest cursor among {@code rows}, by the order every database gives the type. */
    Object greatestCursor(List<R> rows) {
      int cursor = sync.spec().cursorIndex();
      return rows.stream()
          .map(r -> sync.values(r)[cursor])
          .max(CursorTypesTest::compareCursors)
          .orElseThrow();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<CursorCase<?>> CASES =
      List.of(
          new CursorCase<>(
              "LocalDateTime",
              new LocalDateTimeCursorSync(),
              List.of(
                  new LocalDateTimeCursor(1, "a", at(2024, 3, 10, 1, 59, 59, 999_999)),
                  new LocalDateTimeCursor(2, "b", at(2024, 3, 10, 1, 59, 59, 999_999)),
                  // New York skips from 02:00 to 03:00 on this night.
                  new LocalDateTimeCursor(3, "c", at(2024, 3, 10, 2, 0, 0, 0)),
                  new LocalDateTimeCursor(4, "d", at(2024, 3, 10, 2, 30, 0, 500_000)),
                  new LocalDateTimeCursor(5, "e", at(2024, 3, 10, 2, 30, 0, 500_000)),
                  new LocalDateTimeCursor(6, "f", at(2024, 3, 10, 2, 59, 59, 999_999)),
                  new LocalDateTimeCursor(7, "g", at(2024, 3, 10, 3, 0, 0, 0))),
              List.of(
                  // New York has 01:30 twice on this night.
                  new LocalDateTimeCursor(2, "b2", at(2024, 11, 3, 1, 30, 0, 1)),
                  new LocalDateTimeCursor(5, "e2", at(2024, 11, 3, 1, 30, 0, 1)),
                  new LocalDateTimeCursor(8, "h", at(2024, 11, 3, 1, 30, 0, 2)))),
          new CursorCase<>(
              "OffsetDateTime",
              new OffsetDateTimeCursorSync(),
              List.of(
                  // The same New York wall time twice, and one instant at two offsets.
                  new OffsetDateTimeCursor("a", "a", odt("2024-11-03T01:30-04:00")),
                  new OffsetDateTimeCursor("b", "b", odt("2024-11-03T11:00+05:30")),
                  new OffsetDateTimeCursor("c", "c", odt("2024-11-03T01:30-05:00")),
                  new OffsetDateTimeCursor("d", "d", odt("2024-11-03T06:30:00.000001Z")),
                  new OffsetDateTimeCursor("e", "e", odt("2024-11-03T02:00:00.999999-05:00"))),
              List.of(
                  new OffsetDateTimeCursor("a", "a2", odt("2025-03-09T03:30:00.5-04:00")),
                  new OffsetDateTimeCursor("b", "b2", odt("2025-03-09T13:00:00.5+05:30")),
                  new OffsetDateTimeCursor("f", "f", odt("2025-03-09T07:30:00.500001Z")))),
          new CursorCase<>(
              "Instant",
              new InstantCursorSync(),
              List.of(
                  new InstantCursor(uuid("00000000-0000-0000-0000-000000000001"), "a",
                      Instant.parse("2024-11-03T05:30:00Z")),
                  new InstantCursor(uuid("ffffffff-ffff-ffff-ffff-fffffffffffe"), "b",
                      Instant.parse("2024-11-03T05:30:00Z")),
                  new InstantCursor(uuid("123e4567-e89b-12d3-a456-426614174000"), "c",
                      Instant.parse("2024-11-03T06:30:00.000001Z")),
                  new InstantCursor(uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "d",
                      Instant.parse("2024-11-03T06:30:00.000001Z")),
                  new InstantCursor(uuid("80000000-0000-0000-8000-000000000000"), "e",
                      Instant.parse("2024-11-03T07:00:00Z"))),
              List.of(
                  // Past the last second a 32-bit TIMESTAMP holds.
                  new InstantCursor(uuid("00000000-0000-0000-0000-000000000001"), "a2",
                      Instant.parse("2038-01-19T03:14:08Z")),
                  new InstantCursor(uuid("123e4567-e89b-12d3-a456-426614174000"), "c2",
                      Instant.parse("2038-01-19T03:14:08Z")),
                  new InstantCursor(uuid("5e1f0000-0000-4000-8000-000000000005"), "f",
                      Instant.parse("2038-01-19T03:14:08.000001Z")))),
          new CursorCase<>(
              "long",
              new LongCursorSync(),
              List.of(
                  new LongCursor(0, "a", Long.MIN_VALUE),
                  new LongCursor(1, "b", -5),
                  new LongCursor(2, "c", -5),
                  new LongCursor(3, "d", 0),
                  // Two to the 53rd plus one: a double would make it its neighbour.
                  new LongCursor(4, "e", 9_007_199_254_740_993L),
                  new LongCursor(5, "f", 9_007_199_254_740_993L),
                  new LongCursor(6, "g", Long.MAX_VALUE - 1)),
              List.of(
                  new LongCursor(1, "b2", Long.MAX_VALUE),
                  new LongCursor(3, "d2", Long.MAX_VALUE),
                  new LongCursor(7, "h", Long.MAX_VALUE))),
          new CursorCase<>(
              "byte[]",
              new BytesCursorSync(),
              List.of(
                  new BytesCursor(1, "a", hex("0000000000000001")),
                  new BytesCursor(2, "b", hex("00000000000000ff")),
                  new BytesCursor(3, "c", hex("7fffffffffffffff")),
                  new BytesCursor(4, "d", hex("8000000000000000")),
                  new BytesCursor(5, "e", hex("8000000000000000")),
                  new BytesCursor(6, "f", hex("fffffffffffffffe"))),
              List.of(
                  new BytesCursor(1, "a2", hex("ffffffffffffffff")),
                  new BytesCursor(4, "d2", hex("ffffffffffffffff")),
                  new BytesCursor(7, "g", hex("ffffffffffffffff")))));

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  static Stream<Arguments> routesAndCursors() {
    return Route.everyProduct().stream()
        .flatMap(route -> CASES.stream().map(c -> Arguments.of(route, c)));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("routesAndCursors")
  <R extends Record> void aCursorRoundTripsThroughTheCursorTable(
      Route route, CursorCase<R> cursorCase) {
    DataSource source = databases.create(route.source(), "cursor_src");
    DataSource target = databases.create(route.target(), "cursor_dst");
    String table = cursorCase.table();
    Sql.execute(source, createTable(table, cursorCase, route.source()));
    Sql.execute(target, createTable(table + "_copy", cursorCase, route.target()));
    SyncEngine engine =
        SyncEngine.builder().dataSource("source", source).dataSource("target", target)
            // Batches from the first run, so that every value goes through the typed upsert
            // and every cursor through the keyset read; SnapshotTest covers the bulk paths.
            .snapshot(false)
            .table(cursorCase.sync()).build();
    boolean offsetsKept = keepsOffsets(route.source()) && keepsOffsets(route.target());
    boolean rowVersion = isSqlServer(route.source()) && cursorCase.name().equals("byte[]");

    write(source, cursorCase, cursorCase.first(), rowVersion);
    SyncResult first = engine.run(table);

    assertEquals(cursorCase.first().size(), first.rowsRead());
    assertSynced("first run", source, target, cursorCase, first, offsetsKept);
    if (!rowVersion) {
      assertSameCursor(cursorCase.greatestCursor(cursorCase.first()), first.cursor(), offsetsKept);
    }

    write(source, cursorCase, cursorCase.changes(), rowVersion);
    SyncResult second = engine.run(table);

    assertEquals(cursorCase.changes().size(), second.rowsRead(), "only the changed rows");
    assertSynced("after the changes", source, target, cursorCase, second, offsetsKept);
    if (!rowVersion) {
      assertSameCursor(
          cursorCase.greatestCursor(cursorCase.changes()), second.cursor(), offsetsKept);
    }
    assertEquals(0, engine.run(table).rowsRead(), "a row is read once per change");
  }

  /**
   * The target holds the source's rows, and the run's last position, as returned and as stored,
   * is the source's last row by cursor and key.
   */
  private static <R extends Record> void assertSynced(
      String context,
      DataSource source,
      DataSource target,
      CursorCase<R> cursorCase,
      SyncResult result,
      boolean offsetsKept) {
    TableSync<R> sync = cursorCase.sync();
    String key = cursorCase.key().name();
    TypedValues.assertSameRecords(
        context,
        byKeyText(cursorCase, SyncedTables.rows(source, cursorCase.table(), sync, key)),
        byKeyText(cursorCase, SyncedTables.rows(target, cursorCase.table() + "_copy", sync, key)),
        offsetsKept);
    String cursor = sync.spec().cursor().name();
    R last =
        SyncedTables.rows(source, cursorCase.table(), sync, cursor + " DESC, " + key + " DESC")
            .get(0);
    Object[] values = sync.values(last);
    Object lastCursor = values[sync.spec().cursorIndex()];
    Object lastKey = values[sync.spec().keyIndexes()[0]];
    assertSameCursor(lastCursor, result.cursor(), offsetsKept);
    assertEquals(List.of(lastKey), result.key(), context + ": key of the last row");
    Position stored = SyncedTables.storedPosition(target, sync);
    assertSameCursor(lastCursor, stored.cursor(), offsetsKept);
    assertEquals(List.of(lastKey), stored.key(), context + ": stored key");
  }

  /** {@code rows} in the order of their keys' text: databases order UUIDs each their own way. */
  private static <R extends Record> List<R> byKeyText(CursorCase<R> cursorCase, List<R> rows) {
    int key = cursorCase.sync().spec().keyIndexes()[0];
    return rows.stream()
        .sorted(Comparator.comparing(r -> String.valueOf(cursorCase.sync().values(r)[key])))
        .toList();
  }

  private static void assertSameCursor(Object expected, Object actual, boolean offsetsKept) {
    assertTrue(
        TypedValues.same(expected, actual, offsetsKept),
        "cursor: expected " + show(expected) + " but was " + show(actual));
  }

  /**
   * Writes {@code rows} into the source, replacing rows of the same key. A SQL Server {@code
   * rowversion} is set by the server: only the other columns are written.
   */
  private static <R extends Record> void write(
      DataSource source, CursorCase<R> cursorCase, List<R> rows, boolean rowVersion) {
    String table = cursorCase.table();
    String key = cursorCase.key().name();
    int keyIndex = cursorCase.sync().spec().keyIndexes()[0];
    for (R row : rows) {
      Sql.execute(
          source, "DELETE FROM " + table + " WHERE " + key + " = ?",
          cursorCase.sync().values(row)[keyIndex]);
    }
    if (rowVersion) {
      for (R row : rows) {
        BytesCursor bytes = (BytesCursor) row;
        Sql.execute(
            source, "INSERT INTO " + table + " (id, label) VALUES (?, ?)",
            bytes.id(), bytes.label());
      }
    } else {
      SyncedTables.insert(source, table, cursorCase.sync(), rows);
    }
  }

  private static String createTable(String table, CursorCase<?> cursorCase, TestServer server) {
    boolean rowVersion = isSqlServer(server) && table.equals(cursorCase.table());
    return SyncedTables.createTable(
        table,
        cursorCase.sync(),
        server.product(),
        (column, javaType) -> {
          if (javaType == byte[].class) {
            // A source on SQL Server sets it itself; elsewhere, and in every target, 8 bytes.
            return rowVersion ? "rowversion" : "byte[] cursor";
          }
          return SyncedTables.typeName(javaType);
        });
  }

  /** Compares cursors as databases order them: bytes as unsigned, instants by instant. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareCursors(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    return ((Comparable) a).compareTo(b);
  }

  private static String show(Object value) {
    return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value);
  }

  private static boolean keepsOffsets(TestServer server) {
    return server.product() == TestServer.Product.H2 || isSqlServer(server);
  }

  private static boolean isSqlServer(TestServer server) {
    return server.product() == TestServer.Product.SQLSERVER;
  }

  private static LocalDateTime at(
      int year, int month, int day, int hour, int minute, int second, int micros) {
    return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1_000);
  }

  private static OffsetDateTime odt(String text) {
    return OffsetDateTime.parse(text);
  }

  private static UUID uuid(String text) {
    return UUID.fromString(text);
  }

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text);
  }
}
