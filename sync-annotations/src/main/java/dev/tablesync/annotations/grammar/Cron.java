package dev.tablesync.annotations.grammar;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A cron expression in the subset of Quartz's syntax that every TableSync scheduler runs (Quartz
 * runs all of it; the embedded scheduler this subset). Fields: seconds, minutes, hours, day of
 * month, month, day of week, and optionally a year that must be {@code *}. Each field takes
 * {@code *}, a value, a range {@code a-b}, any of these with a step ({@code 0/15}, {@code
 * 10-50/20}, or {@code *} followed by {@code /n}), or a comma-separated list. Months may be
 * written {@code JAN}-{@code DEC}; days of the week {@code 1}-{@code 7} for Sunday to Saturday,
 * or {@code SUN}-{@code SAT}. As in Quartz, exactly one of day of month and day of week is
 * {@code ?}.
 *
 * <p>Not taken, and refused with a message: {@code L}, {@code W}, {@code #}, ranges that wrap
 * around ({@code FRI-MON}), and years.
 */
public final class Cron {

  /** A field's place, range and names. */
  public enum Field {
    SECOND("second", 0, 59, List.of()),
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day of month", 1, 31, List.of()),
    MONTH("month", 1, 12,
        List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    /** Sunday is 1, as in Quartz. */
    DAY_OF_WEEK("day of week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    /** Names for the values from {@link #min} on. */
    private final List<String> names;

    Field(String label, int min, int max, List<String> names) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
    }
  }

  private final String text;
  private final BitSet[] values;
  private final boolean byDayOfWeek;

  private Cron(String text, BitSet[] values, boolean byDayOfWeek) {
    this.text = text;
    this.values = values;
    this.byDayOfWeek = byDayOfWeek;
  }

  /**
   * Reads an expression.
   *
   * @throws IllegalArgumentException starting {@code cron '<text>': } and naming the field that is
   *     wrong or not taken
   */
  public static Cron parse(String text) {
    String written = text.strip();
    String[] parts = written.split("\\s+");
    if (parts.length != 6 && parts.length != 7) {
      throw invalid(written, "it has " + parts.length + " fields; write 6 (seconds minutes hours"
          + " day-of-month month day-of-week) or 7 with a year");
    }
    if (parts.length == 7 && !parts[6].equals("*")) {
      throw invalid(written, "no year but '*' is taken; Quartz's own triggers take years");
    }
    boolean dayOfMonthOpen = parts[3].equals("?");
    boolean dayOfWeekOpen = parts[5].equals("?");
    if (dayOfMonthOpen == dayOfWeekOpen) {
      throw invalid(written, "exactly one of day of month and day of week must be '?'");
    }
    Field[] fields = Field.values();
    BitSet[] values = new BitSet[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = parts[i].equals("?") ? all(fields[i]) : field(written, fields[i], parts[i]);
    }
    return new Cron(written, values, dayOfMonthOpen);
  }

  /** Whether {@code field} takes {@code value}. */
  public boolean allows(Field field, int value) {
    return values[field.ordinal()].get(value);
  }

  /** Whether days are chosen by the day of the week (day of month is {@code ?}). */
  public boolean byDayOfWeek() {
    return byDayOfWeek;
  }

  /** The expression as written, without surrounding white space. */
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
              + " Quartz's own triggers take; write it as two ranges");
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
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      throw invalid(
          text,
          field.label + " '" + token + "' is not taken"
              + (token.matches(".*[LW#].*") ? " (L, W and # run only on Quartz's own triggers)" : ""));
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
