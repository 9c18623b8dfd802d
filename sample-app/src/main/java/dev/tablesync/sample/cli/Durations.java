package dev.tablesync.sample.cli;

import java.time.Duration;

/** Durations as an operator reads them: the two largest units, e.g. {@code 3 d 4 h}. */
final class Durations {

  private Durations() {}

  static String human(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "min", "s"};
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < sizes.length && shown < 2; i++) {
      long amount = seconds / sizes[i];
      seconds %= sizes[i];
      if (amount > 0 || (shown > 0)) {
        if (amount > 0) {
          text.append(text.length() == 0 ? "" : " ").append(amount).append(' ').append(units[i]);
        }
        shown++;
      }
    }
    return text.length() == 0 ? "0 s" : text.toString();
  }
}
