package dev.tablesync.annotations.grammar;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An interval, written as a number with a unit ({@code 30s}) or an ISO-8601 duration. */
public final class Interval {

  private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Interval() {}

  /**
   * Reads a positive interval: a number with one of the units {@code ms}, {@code s}, {@code m},
   * {@code h} and {@code d} ({@code 30s}, {@code 5m}), or an ISO-8601 duration ({@code PT30S}).
   *
   * @throws IllegalArgumentException saying how to write one, when {@code text} is none or not
   *     positive
   */
  public static Duration parse(String text) {
    String written = text.strip();
    Duration interval = read(written);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "'" + written + "' is not a positive interval; a schedule runs at most this often");
    }
    return interval;
  }

  private static Duration read(String text) {
    Matcher matcher = WITH_UNIT.matcher(text.toLowerCase(Locale.ROOT));
    try {
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
      return Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an interval: write a number with a unit (30s, 5m, 1h) or an"
              + " ISO-8601 duration (PT30S)");
    }
  }
}
