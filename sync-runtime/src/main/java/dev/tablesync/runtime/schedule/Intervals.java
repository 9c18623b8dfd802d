package dev.tablesync.runtime.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an interval written as a number with a unit or as an ISO-8601 duration. */
final class Intervals {

  private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Intervals() {}

  static Duration parse(String text) {
    Matcher matcher = WITH_UNIT.matcher(text.toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an interval: write a number with a unit (30s, 5m, 1h) or an"
              + " ISO-8601 duration (PT30S)");
    }
  }
}
