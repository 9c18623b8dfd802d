package dev.tablesync.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BadRowException;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported component type, with its extremes, from each database to each other: the source
 * holds what was written, the target what the source holds, an update of every value (NULL over a
 * value, a value over NULL) arrives as well, and a run after that reads nothing. The JVM runs in
 * America/New_York (see the pom), and the cursors and date-times fall in its daylight-saving gap
 * and in its repeated hour.
 */
class TypeMatrixTest {

  private static final EveryTypeSync SYNC = new EveryTypeSync();

  /** Inside the hour New York skips on 2024-03-10. */
  private static final LocalDateTime FIRST_CHANGE = LocalDateTime.of(2024, 3, 10, 2, 0, 0, 1_000);

  /** Inside the hour New York repeats on 2024-11-03. */
  private static final LocalDateTime SECOND_CHANGE = LocalDateTime.of(2024, 11, 3, 1, 30);

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  static List<Route> routes() {
    return Route.everyProduct();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void everyTypeArrivesExactlyAndIsUpdatedExactly(Route route) {
    DataSource source = databases.create(route.source(), "types_src");
    DataSource target = databases.create(route.target(), "types_dst");
    Sql.execute(source, createTable("every_type", route.source().product()));
    Sql.execute(target, createTable("every_type_copy", route.target().product()));
    SyncEngine engine =
        SyncEngine.builder().dataSource("source", source).dataSource("target", target)
            // Batches from the first run, so that every value goes through the typed upsert;
            // SnapshotTest covers the bulk paths.
            .snapshot(false)
            .table(SYNC).build();
    boolean offsetsKept = keepsOffsets(route.source()) && keepsOffsets(route.target());
    List<EveryType> values = values(!isSqlServer(route.source()) && !isSqlServer(route.target()));
    List<EveryType> first = changed(values, 0, FIRST_CHANGE);
    SyncedTables.insert(source, "every_type", SYNC, first);

    SyncResult result = engine.run("every_type");

    assertEquals(6, result.rowsRead());
    assertEquals(3, result.batches());
    TypedValues.assertSameRecords(
        "source as written", first, rows(source, "every_type"), keepsOffsets(route.source()));
    TypedValues.assertSameRecords(
        "target", first, rows(target, "every_type_copy"), offsetsKept);
    LocalDateTime lastChange = first.get(5).changedAt();
    assertEquals(lastChange, result.cursor());
    assertEquals(
        new Position(List.of(lastChange, 6L)), SyncedTables.storedPosition(target, SYNC));

    // Each row takes the next one's values: NULLs replace values and values replace NULLs.
    List<EveryType> second = changed(values, 1, SECOND_CHANGE);
    Sql.execute(source, "DELETE FROM every_type");
    SyncedTables.insert(source, "every_type", SYNC, second);
    SyncResult update = engine.run("every_type");

    assertEquals(6, update.rowsRead());
    TypedValues.assertSameRecords(
        "target after the update", second, rows(target, "every_type_copy"), offsetsKept);
    assertEquals(second.get(5).changedAt(), update.cursor());
    assertEquals(0, engine.run("every_type").rowsRead(), "a row is read once per change");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void anEnumNameTheRecordDoesNotKnowIsABadRow(Route route) {
    DataSource source = databases.create(route.source(), "enum_src");
    DataSource target = databases.create(route.target(), "enum_dst");
    Sql.execute(source, createTable("every_type", route.source().product()));
    Sql.execute(target, createTable("every_type_copy", route.target().product()));
    SyncEngine engine =
        SyncEngine.builder().dataSource("source", source).dataSource("target", target)
            // Batches from the first run, so that every value goes through the typed upsert;
            // SnapshotTest covers the bulk paths.
            .snapshot(false)
            .table(SYNC).build();
    Sql.execute(
        source,
        "INSERT INTO every_type (id, primitive_boolean, primitive_byte, primitive_short,"
            + " primitive_int, primitive_long, primitive_float, primitive_double, color,"
            + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        7L, true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, "PURPLE", FIRST_CHANGE);

    BadRowException e = assertThrows(BadRowException.class, () -> engine.run("every_type"));

    assertEquals("color", e.column());
    assertEquals(List.of(7L), e.key());
    assertTrue(e.getMessage().contains("PURPLE"), e.getMessage());
    assertEquals(0, rows(target, "every_type_copy").size());
  }

  /** Six rows of values, each row at id 0 and the given time: extremes, NULLs, large values. */
  static List<EveryType> values(boolean subnormals) {
    float tinyFloat = subnormals ? Float.MIN_VALUE : Float.MIN_NORMAL;
    double tinyDouble = subnormals ? Double.MIN_VALUE : Double.MIN_NORMAL;
    byte[] allByteValues = new byte[200];
    for (int i = 0; i < allByteValues.length; i++) {
      allByteValues[i] = (byte) (i * 13 + 7);
    }
    byte[] megabyte = new byte[1 << 20];
    new Random(42).nextBytes(megabyte);
    LocalDateTime setByChanged = LocalDateTime.MIN;
    return List.of(
        new EveryType(
            0, true, true, Byte.MAX_VALUE, Byte.MAX_VALUE, Short.MAX_VALUE, Short.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
            Float.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
            new BigDecimal("99999999999999999999999999.999999999999"),
            "largest", "largest", allByteValues, allByteValues,
            LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_000),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
            OffsetDateTime.parse("9999-12-31T23:59:59.999999Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"),
            UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), EveryType.Color.GREEN,
            setByChanged),
        new EveryType(
            0, false, false, Byte.MIN_VALUE, Byte.MIN_VALUE, Short.MIN_VALUE, Short.MIN_VALUE,
            Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
            -Float.MAX_VALUE, -Float.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
            new BigDecimal("-99999999999999999999999999.999999999999"),
            "smallest", "smallest", new byte[] {0}, new byte[] {0},
            LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1, 1, 1, 0, 0),
            OffsetDateTime.parse("0001-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
            new UUID(0, 0), EveryType.Color.RED, setByChanged),
        new EveryType(
            0, true, false, (byte) 1, (byte) -1, (short) 1, (short) -1, 1, -1,
            9_007_199_254_740_993L, -9_007_199_254_740_993L, tinyFloat, -tinyFloat,
            tinyDouble, -tinyDouble, new BigDecimal("0.000000000001"),
            "four bytes in UTF-8: \uD83D\uDE00 \uD834\uDD1E \uD841\uDF0E",
            "quotes, backslashes and a comment: it's \\ \"x\" -- /* */ ;",
            new byte[] {0, '\'', '\\', '"', (byte) 0xFF}, new byte[] {(byte) 0x80, 0, 0x7F},
            LocalDate.of(2024, 3, 10), LocalTime.of(2, 30, 0, 1_000),
            // Neither exists nor is repeated the same way in New York: a gap, then the fall back.
            LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000),
            OffsetDateTime.parse("2024-11-03T01:30:00.5-04:00"),
            Instant.parse("2024-11-03T06:30:00.5Z"),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), EveryType.Color.RED,
            setByChanged),
        new EveryType(
            0, false, null, (byte) 0, null, (short) 0, null, 0, null, 0L, null, 0f, null, 0d, null,
            null, null, null, null, null, null, null, null, null, null, null, null, setByChanged),
        new EveryType(
            0, false, true, (byte) 0, (byte) 0, (short) 0, (short) 0, 0, 0, 0L, 0L, 0.1f, 0.1f,
            0.1, 0.1, new BigDecimal("0.000000000000"), "", "", new byte[0], new byte[0],
            // The days Rome skipped for the Gregorian calendar: java.sql.Date cannot hold them.
            LocalDate.of(1582, 10, 10), LocalTime.NOON, LocalDateTime.of(1582, 10, 10, 12, 0),
            OffsetDateTime.parse("2024-06-30T12:00:00.000001+05:45"),
            Instant.parse("2038-01-19T03:14:08.000001Z"),
            UUID.fromString("00000000-0000-0000-0000-000000000001"), EveryType.Color.GREEN,
            setByChanged),
        new EveryType(
            0, true, true, (byte) 42, (byte) 42, (short) 42, (short) 42, 42, 42, 42L, 42L,
            1f / 3, 1f / 3, 1d / 3, 1d / 3, new BigDecimal("1234.500000000000"),
            "a megabyte of text and one of bytes", megabyteOfText(), allByteValues, megabyte,
            LocalDate.of(2000, 2, 29), LocalTime.of(8, 0), LocalDateTime.of(2000, 2, 29, 8, 0),
            OffsetDateTime.parse("2000-02-29T08:00:00-12:00"),
            Instant.parse("2000-02-29T08:00:00Z"),
            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), EveryType.Color.RED,
            setByChanged));
  }

  /**
   * The rows with ids 1 to 6, row {@code id} holding the values {@code shift} places after its
   * own, changed a second apart from {@code from}.
   */
  static List<EveryType> changed(List<EveryType> values, int shift, LocalDateTime from) {
    List<EveryType> rows = new ArrayList<>();
    for (int id = 1; id <= values.size(); id++) {
      EveryType v = values.get((id - 1 + shift) % values.size());
      rows.add(
          new EveryType(
              id, v.primitiveBoolean(), v.boxedBoolean(), v.primitiveByte(), v.boxedByte(),
              v.primitiveShort(), v.boxedShort(), v.primitiveInt(), v.boxedInt(),
              v.primitiveLong(), v.boxedLong(), v.primitiveFloat(), v.boxedFloat(),
              v.primitiveDouble(), v.boxedDouble(), v.bigDecimal(), v.string(), v.largeString(),
              v.bytes(), v.largeBytes(), v.localDate(), v.localTime(), v.localDateTime(),
              v.offsetDateTime(), v.instant(), v.uuid(), v.color(),
              from.plusSeconds(id).plusNanos(id * 1_000L)));
    }
    return rows;
  }

  /** A megabyte of UTF-8 with characters of one, two, three and four bytes. */
  private static String megabyteOfText() {
    String pattern = "ascii \u00e9 \u4e2d \uD83D\uDE00\n";
    int bytes = pattern.getBytes(StandardCharsets.UTF_8).length;
    return pattern.repeat((1 << 20) / bytes + 1);
  }

  private static List<EveryType> rows(DataSource dataSource, String table) {
    return SyncedTables.rows(dataSource, table, SYNC, "id");
  }

  private static String createTable(String table, TestServer.Product product) {
    return SyncedTables.createTable(table, SYNC, product, TypeMatrixTest::typeName);
  }

  /** The name {@link ColumnTypes} knows a column's type by. */
  static String typeName(String column, Class<?> javaType) {
    if (column.equals("large_string")) {
      return "large String";
    }
    if (column.equals("large_bytes")) {
      return "large byte[]";
    }
    if (javaType.isEnum()) {
      return "enum";
    }
    return SyncedTables.typeName(javaType);
  }

  private static boolean keepsOffsets(TestServer server) {
    return server.product() == TestServer.Product.H2 || isSqlServer(server);
  }

  private static boolean isSqlServer(TestServer server) {
    return server.product() == TestServer.Product.SQLSERVER;
  }
}
