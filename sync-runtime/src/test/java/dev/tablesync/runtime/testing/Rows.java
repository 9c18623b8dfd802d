package dev.tablesync.runtime.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Compares tables row by row, reporting the first difference rather than every row. */
public final class Rows {

  private Rows() {}

  /** Fails unless both lists hold equal rows in the same order. */
  public static void assertSameRows(List<?> expected, List<?> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail("row " + i + " differs: expected " + expected.get(i) + " but was " + actual.get(i));
      }
    }
    if (expected.size() != actual.size()) {
      fail(
          "expected " + expected.size() + " rows but found " + actual.size() + "; first extra: "
              + (expected.size() > common ? expected.get(common) : actual.get(common)));
    }
  }
}
