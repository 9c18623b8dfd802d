package dev.tablesync.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParseException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded cron subset against Quartz's own {@link org.quartz.CronExpression}: for every
 * expression and many start times, both name the same next times.
 */
class CronExpressionTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * * ?",
        "0 0/5 * * * ?",
        "*/15 * * * * ?",
        "5/20 * * * * ?",
        "0 0 12 * * ?",
        "0 15 10 ? * MON-FRI",
        "0 15 10 ? * 2-6",
        "30 0 0 1 * ?",
        "0 0 0 31 * ?",
        "0 0 0 29 2 ?",
        "0 0/30 8-18 ? * SUN,SAT",
        "0 10-50/20 1,3,22 * JAN-MAR,NOV ?",
        "0 0 6 ? dec 1",
        "0 0 0 1 1 ? *",
        "1,2,3 4 5 6 7 ?",
        "59 59 23 L-1 * ?"
      })
  void namesTheSameTimesAsQuartz(String expression) throws ParseException {
    if (expression.contains("L")) {
      // Quartz takes it; the embedded scheduler does not, and says so.
      assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(expression));
      return;
    }
    CronExpression ours = CronExpression.parse(expression);
    org.quartz.CronExpression quartz = new org.quartz.CronExpression(expression);
    quartz.setTimeZone(TimeZone.getTimeZone(ZONE));
    Random random = new Random(expression.hashCode());
    ZonedDateTime start = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZONE);
    for (int i = 0; i < 200; i++) {
      // Random starts over two years, avoiding the hours clocks change in.
      ZonedDateTime after = start.plusSeconds(random.nextInt(2 * 365 * 24 * 3600));
      if (after.getHour() >= 1 && after.getHour() <= 3) {
        continue;
      }
      ZonedDateTime next = after;
      for (int step = 0; step < 3; step++) {
        Date expected = quartz.getNextValidTimeAfter(Date.from(next.toInstant()));
        next = ours.next(next);
        assertEquals(expected.toInstant(), next.toInstant(), expression + " after " + after);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 0 12 * *",
        "0 0 12 * * ? 2030",
        "0 0 12 * * *",
        "0 0 12 ? * ?",
        "0 0 12 15W * ?",
        "0 0 12 ? * 6#3",
        "0 0 12 ? * FRI-MON",
        "60 * * * * ?",
        "0 */0 * * * ?",
        "0 0 12 ? * MOON"
      })
  void rejectsWhatTheEmbeddedSchedulerDoesNotRun(String expression) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(expression));
    assertTrue(e.getMessage().startsWith("cron '" + expression + "': "), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void anExpressionThatNeverFiresSaysSo() {
    CronExpression thirtiethOfFebruary = CronExpression.parse("0 0 0 30 2 ?");
    assertThrows(
        IllegalStateException.class,
        () -> thirtiethOfFebruary.next(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZONE)));
  }
}
