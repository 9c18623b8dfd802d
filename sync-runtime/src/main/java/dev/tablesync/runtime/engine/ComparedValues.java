package dev.tablesync.runtime.engine;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * How a reconciliation orders keys and compares values, as the typed values generated code reads:
 * numbers by value (1.0 is 1.00), bytes by content, offset date-times as instants. Keys order as
 * the databases order them when they order by value: bytes and UUIDs unsigned, text by code unit.
 */
final class ComparedValues {

  /** Orders keys column by column. */
  static final Comparator<List<Object>> KEY_ORDER = ComparedValues::compareKeys;

  private ComparedValues() {}

  /** Whether two column values are the same value. */
  static boolean same(Object source, Object target) {
    if (source == null || target == null) {
      return source == target;
    }
    if (source instanceof byte[] a && target instanceof byte[] b) {
      return Arrays.equals(a, b);
    }
    if (source instanceof BigDecimal a && target instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (source instanceof OffsetDateTime a && target instanceof OffsetDateTime b) {
      return a.isEqual(b);
    }
    return source.equals(target);
  }

  /** Whether two rows' values, in spec order, are the same, column by column. */
  static boolean same(Object[] source, Object[] target) {
    for (int i = 0; i < source.length; i++) {
      if (!same(source[i], target[i])) {
        return false;
      }
    }
    return true;
  }

  static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Orders two non-null values of one key or cursor column. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof UUID x && b instanceof UUID y) {
      return x.toString().compareTo(y.toString());
    }
    if (a instanceof Enum<?> x && b instanceof Enum<?> y) {
      return x.name().compareTo(y.name());
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    return ((Comparable) a).compareTo(b);
  }
}
