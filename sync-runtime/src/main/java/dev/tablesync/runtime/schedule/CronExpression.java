package dev.tablesync.runtime.schedule;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The subset of Quartz's cron syntax the embedded {@link SyncScheduler} runs. Fields: seconds,
 * minutes, hours, day of month, month, day of week, and optionally a year that must be {@code *}.
 * Each field takes {@code *}, a value, a range {@code a-b}, any of these with a step ({@code
 * 0/15}, {@code 10-50/20}, or {@code *} followed by {@code /n}), or a comma-separated list.
 * Months may be written {@code JAN}-{@code DEC}; days of the week {@code 1}-{@code 7} for Sunday
 * to Saturday, or {@code SUN}-{@code SAT}.
 * As in Quartz, exactly one of day of month and day of week is {@code ?}.
 *
 * <p>Not supported, and rejected with a message: {@code L}, {@code W}, {@code #}, ranges that
 * wrap around ({@code FRI-MON}), and years. Quartz runs those.
 */
public final class CronExpression {

  /** A field's place, range and names. */
  private enum Field {
    SECOND("second", 0, 59, List.of()),
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day of month", 1, 31, List.of()),
    MONTH("month", 1, 12,
        List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day of week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    final String label;
    final int min;
    final int max;
    /** Names for the values from {@link #min} on. */
    final List<String> names;

    Field(String label, int min, int max, List<String> names) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
    }
  }

  /** Searching further than this for a matching time means the expression never fires. */
  private static final int YEARS_TO_SEARCH = 30;

  private final String text;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;

  private CronExpression(String text, BitSet[] fields, boolean anyDayOfMonth) {
    this.text = text;
    this.seconds = fields[0];
    this.minutes = fields[1];
    this.hours = fields[2];
    this.daysOfMonth = fields[3];
    this.months = fields[4];
    this.daysOfWeek = fields[5];
    this.anyDayOfMonth = anyDayOfMonth;
  }

  /**
   * Reads an expression.
   *
   * @throws IllegalArgumentException naming the field that is wrong or not supported
   */
  public static CronExpression parse(String text) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length != 6 && parts.length != 7) {
      throw invalid(text, "it has " + parts.length + " fields; write 6 (seconds minutes hours"
          + " day-of-month month day-of-week) or 7 with a year");
    }
    if (parts.length == 7 && !parts[6].equals("*")) {
      throw invalid(text, "the embedded scheduler takes no year but '*'; use Quartz for years");
    }
    boolean dayOfMonthOpen = parts[3].equals("?");
    boolean dayOfWeekOpen = parts[5].equals("?");
    if (dayOfMonthOpen == dayOfWeekOpen) {
      throw invalid(text, "exactly one of day of month and day of week must be '?'");
    }
    Field[] fields = Field.values();
    BitSet[] values = new BitSet[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = parts[i].equals("?") ? all(fields[i]) : field(text, fields[i], parts[i]);
    }
    return new CronExpression(text.strip(), values, dayOfMonthOpen);
  }

  /**
   * The first time after {@code after} (exclusive, to the second) that the expression names, in
   * {@code after}'s zone.
   *
   * @throws IllegalStateException when no such time comes within 30 years (30 February)
   */
  public ZonedDateTime next(ZonedDateTime after) {
    ZonedDateTime time = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    int lastYear = after.getYear() + YEARS_TO_SEARCH;
    // Each step moves to the start of the next month, day, hour, minute or second that could
    // match, so the search takes at most a few dozen steps per day it skips.
    while (time.getYear() <= lastYear) {
      if (!months.get(time.getMonthValue())) {
        time = time.withDayOfMonth(1).plusMonths(1).truncatedTo(ChronoUnit.DAYS);
      } else if (!dayMatches(time)) {
        time = time.plusDays(1).truncatedTo(ChronoUnit.DAYS);
      } else if (!hours.get(time.getHour())) {
        time = time.plusHours(1).truncatedTo(ChronoUnit.HOURS);
      } else if (!minutes.get(time.getMinute())) {
        time = time.plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
      } else if (!seconds.get(time.getSecond())) {
        time = time.plusSeconds(1);
      } else {
        return time;
      }
    }
    throw new IllegalStateException(
        "cron '" + text + "' names no time in the " + YEARS_TO_SEARCH + " years after " + after);
  }

  private boolean dayMatches(ZonedDateTime time) {
    if (anyDayOfMonth) {
      // Quartz numbers the days of the week from Sunday = 1; java.time from Monday = 1.
      return daysOfWeek.get(time.getDayOfWeek().getValue() % 7 + 1);
    }
    return daysOfMonth.get(time.getDayOfMonth());
  }

  @Override
  public String toString() {
    return text;
  }

  private static BitSet field(String text, Field field, String part) {
    BitSet values = new BitSet(field.max + 1);
    for (String item : part.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(text, field, item.substring(slash + 1));
        if (step < 1) {
          throw invalid(text, field.label + " step must be at least 1 in '" + item + "'");
        }
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = field.min;
        to = field.max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", -1);
        if (ends.length != 2) {
          throw invalid(text, field.label + " range '" + range + "' needs one '-'");
        }
        from = value(text, field, ends[0]);
        to = value(text, field, ends[1]);
        if (from > to) {
          throw invalid(text, field.label + " range '" + range + "' wraps around, which only"
              + " Quartz takes; write it as two ranges");
        }
      } else {
        from = value(text, field, range);
        // "a/n" runs from a to the end of the field.
        to = slash >= 0 ? field.max : from;
      }
      for (int v = from; v <= to; v += step) {
        values.set(v);
      }
    }
    return values;
  }

  private static int value(String text, Field field, String token) {
    int named = field.names.indexOf(token.toUpperCase(Locale.ROOT));
    int value = named >= 0 ? field.min + named : number(text, field, token);
    if (value < field.min || value > field.max) {
      throw invalid(text, field.label + " '" + token + "' is outside " + field.min + "-" + field.max);
    }
    return value;
  }

  private static int number(String text, Field field, String token) {
    if (token.isEmpty() || !token.chars().allMatch(Character::isDigit)) {
      throw invalid(
          text,
          field.label + " '" + token + "' is not supported by the embedded scheduler"
              + (token.matches(".*[LW#].*") ? " (L, W and # run only on Quartz)" : ""));
    }
    return Integer.parseInt(token);
  }

  private static BitSet all(Field field) {
    BitSet values = new BitSet(field.max + 1);
    values.set(field.min, field.max + 1);
    return values;
  }

  private static IllegalArgumentException invalid(String text, String problem) {
    return new IllegalArgumentException("cron '" + text + "': " + problem);
  }
}
