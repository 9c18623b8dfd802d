package dev.tablesync.runtime.schedule;

import dev.tablesync.annotations.grammar.Cron;
import dev.tablesync.annotations.grammar.Cron.Field;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The times a {@link Cron} expression names, as the embedded {@link SyncScheduler} runs them.
 * The syntax it takes, and what it refuses, is {@link Cron}'s: the processor checks an
 * annotation's cron with the same rules, so a cron that compiles runs.
 */
public final class CronExpression {

  /** Searching further than this for a matching time means the expression never fires. */
  private static final int YEARS_TO_SEARCH = 30;

  private final Cron cron;

  private CronExpression(Cron cron) {
    this.cron = cron;
  }

  /**
   * Reads an expression.
   *
   * @throws IllegalArgumentException naming the field that is wrong or not supported
   */
  public static CronExpression parse(String text) {
    return new CronExpression(Cron.parse(text));
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
      if (!cron.allows(Field.MONTH, time.getMonthValue())) {
        time = time.withDayOfMonth(1).plusMonths(1).truncatedTo(ChronoUnit.DAYS);
      } else if (!dayMatches(time)) {
        time = time.plusDays(1).truncatedTo(ChronoUnit.DAYS);
      } else if (!cron.allows(Field.HOUR, time.getHour())) {
        time = time.plusHours(1).truncatedTo(ChronoUnit.HOURS);
      } else if (!cron.allows(Field.MINUTE, time.getMinute())) {
        time = time.plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
      } else if (!cron.allows(Field.SECOND, time.getSecond())) {
        time = time.plusSeconds(1);
      } else {
        return time;
      }
    }
    throw new IllegalStateException(
        "cron '" + cron + "' names no time in the " + YEARS_TO_SEARCH + " years after " + after);
  }

  private boolean dayMatches(ZonedDateTime time) {
    if (cron.byDayOfWeek()) {
      // Quartz numbers the days of the week from Sunday = 1; java.time from Monday = 1.
      return cron.allows(Field.DAY_OF_WEEK, time.getDayOfWeek().getValue() % 7 + 1);
    }
    return cron.allows(Field.DAY_OF_MONTH, time.getDayOfMonth());
  }

  @Override
  public String toString() {
    return cron.toString();
  }
}
