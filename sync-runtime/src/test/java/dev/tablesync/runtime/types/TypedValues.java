package dev.tablesync.runtime.types;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Compares records value by value, as a user would: {@code byte[]} by content, and an {@code
 * OffsetDateTime} by its instant unless both databases keep offsets (PostgreSQL's {@code
 * timestamptz} and MySQL's and MariaDB's UTC {@code DATETIME} keep only the instant).
 */
final class TypedValues {

  private static final int SHOWN = 60;

  private TypedValues() {}

  /**
   * Fails with the first differing row and component unless both lists hold the same records in
   * the same order.
   *
   * @param offsetsKept whether offsets must match too, not only instants
   */
  static <R extends Record> void assertSameRecords(
      String context, List<R> expected, List<R> actual, boolean offsetsKept) {
    for (int row = 0; row < Math.min(expected.size(), actual.size()); row++) {
      for (RecordComponent component : expected.get(row).getClass().getRecordComponents()) {
        Object want = valueOf(component, expected.get(row));
        Object got = valueOf(component, actual.get(row));
        if (!same(want, got, offsetsKept)) {
          fail(context + ": row " + row + ", " + component.getName() + ": expected "
              + describe(want) + " but was " + describe(got));
        }
      }
    }
    if (expected.size() != actual.size()) {
      fail(context + ": expected " + expected.size() + " rows but found " + actual.size());
    }
  }

  /** Whether two values of one component are the same value. */
  static boolean same(Object expected, Object actual, boolean offsetsKept) {
    if (expected instanceof byte[] want && actual instanceof byte[] got) {
      return Arrays.equals(want, got);
    }
    if (expected instanceof OffsetDateTime want && actual instanceof OffsetDateTime got) {
      return offsetsKept ? want.equals(got) : want.isEqual(got);
    }
    return Objects.equals(expected, actual);
  }

  private static Object valueOf(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value short enough for a message: long text and bytes are cut, with their length. */
  private static String describe(Object value) {
    if (value instanceof byte[] bytes) {
      String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, SHOWN / 2));
      return "byte[" + bytes.length + "] " + hex + (bytes.length > SHOWN / 2 ? "..." : "");
    }
    if (value instanceof String text && text.length() > SHOWN) {
      return "'" + text.substring(0, SHOWN) + "...' (" + text.length() + " chars)";
    }
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }
}
