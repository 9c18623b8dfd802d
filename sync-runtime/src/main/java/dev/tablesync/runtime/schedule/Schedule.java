package dev.tablesync.runtime.schedule;

import dev.tablesync.annotations.grammar.Interval;
import dev.tablesync.runtime.spi.TableSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * When a table runs: every so often, or on a cron expression. Written on {@code @SyncTable} as
 * {@code interval} or {@code cron}, or given at run time to override it.
 */
public sealed interface Schedule permits Schedule.Every, Schedule.Cron {

  /**
   * A run at most every {@code interval}, start to start; a run that takes longer is followed
   * by the next at once, never by two.
   */
  record Every(Duration interval) implements Schedule {
    public Every {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("an interval must be positive, was " + interval);
      }
    }

    @Override
    public String toString() {
      return "every " + interval.toString().substring(2).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Runs at the times a Quartz cron expression names. Quartz takes its whole syntax; the embedded
   * {@link SyncScheduler} takes the subset {@link CronExpression} describes.
   */
  record Cron(String expression) implements Schedule {
    public Cron {
      expression = expression.strip();
      int fields = expression.split("\\s+").length;
      if (fields != 6 && fields != 7) {
        throw new IllegalArgumentException(
            "'" + expression + "' is not a cron expression: it needs 6 or 7 fields, seconds first"
                + " (0 0/5 * * * ?)");
      }
    }

    @Override
    public String toString() {
      return "cron " + expression;
    }
  }

  /** A run every {@code interval}. */
  static Schedule every(Duration interval) {
    return new Every(interval);
  }

  /** Runs at the times of the Quartz cron expression {@code expression}. */
  static Schedule cron(String expression) {
    return new Cron(expression);
  }

  /**
   * Reads a schedule as written on the annotation or a command line: a text with spaces is a
   * cron expression ({@code 0 0/5 * * * ?}); anything else an interval, either an ISO-8601
   * duration ({@code PT30S}) or a number with a unit: {@code ms}, {@code s}, {@code m}, {@code h}
   * or {@code d} ({@code 30s}, {@code 5m}).
   *
   * @throws IllegalArgumentException when the text is neither
   */
  static Schedule parse(String text) {
    String trimmed = text.strip();
    if (trimmed.contains(" ")) {
      return cron(trimmed);
    }
    return every(Interval.parse(trimmed));
  }

  /**
   * The schedule a table's annotation declares, if it declares one. The processor has checked it
   * with the same rules; a spec written by hand is checked here: its cron must be one that every
   * scheduler runs ({@link Cron}), since the annotation does not know which will.
   *
   * @throws IllegalArgumentException when it declares both an interval and a cron expression, or
   *     one that cannot be read
   */
  static Optional<Schedule> of(TableSpec table) {
    return declared(table, "interval", table.interval(), "cron", table.cron());
  }

  /**
   * The schedule of reconciliations a table's annotation declares ({@code reconcileInterval} or
   * {@code reconcileCron}), if it declares one.
   *
   * @throws IllegalArgumentException as {@link #of} does
   */
  static Optional<Schedule> reconcileOf(TableSpec table) {
    return declared(
        table,
        "reconcileInterval",
        table.reconcileInterval(),
        "reconcileCron",
        table.reconcileCron());
  }

  private static Optional<Schedule> declared(
      TableSpec table, String intervalName, String intervalText, String cronName, String cronText) {
    boolean interval = !intervalText.isBlank();
    boolean cron = !cronText.isBlank();
    if (interval && cron) {
      throw new IllegalArgumentException(
          table.name() + ": declares both " + intervalName + " '" + intervalText + "' and "
              + cronName + " '" + cronText + "'; keep one");
    }
    try {
      if (interval) {
        return Optional.of(every(Interval.parse(intervalText)));
      }
      return cron
          ? Optional.of(cron(dev.tablesync.annotations.grammar.Cron.parse(cronText).toString()))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(table.name() + ": " + e.getMessage(), e);
    }
  }
}
