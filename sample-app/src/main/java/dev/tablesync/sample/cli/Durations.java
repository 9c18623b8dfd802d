package dev.tablesync.sample.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Durations as an operator reads them: the two largest units, e.g. {@code 3 d 4 h}. */
final class Durations {

  private static final long[] SECONDS = {86_400, 3_600, 60, 1};
  private static final String[] UNITS = {"d", "h", "min", "s"};

  private Durations() {}

  static String human(Duration duration) {
    long left = Math.max(0, duration.getSeconds());
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < SECONDS.length && parts.size() < 2; i++) {
      long amount = left / SECONDS[i];
      left %= SECONDS[i];
      if (amount > 0 || !parts.isEmpty()) {
        parts.add(amount + " " + UNITS[i]);
      }
    }
    return parts.isEmpty() ? "0 s" : String.join(" ", parts);
  }
}
