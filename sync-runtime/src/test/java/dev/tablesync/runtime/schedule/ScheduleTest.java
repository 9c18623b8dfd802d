package dev.tablesync.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.tables.Item;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void readsIntervalsWithUnitsAndIsoDurationsAndCronExpressions() {
    assertEquals(Schedule.every(Duration.ofMillis(250)), Schedule.parse("250ms"));
    assertEquals(Schedule.every(Duration.ofSeconds(30)), Schedule.parse("30s"));
    assertEquals(Schedule.every(Duration.ofMinutes(5)), Schedule.parse("5M"));
    assertEquals(Schedule.every(Duration.ofHours(1)), Schedule.parse(" 1h "));
    assertEquals(Schedule.every(Duration.ofDays(2)), Schedule.parse("2d"));
    assertEquals(Schedule.every(Duration.ofSeconds(90)), Schedule.parse("PT1M30S"));
    assertEquals(Schedule.cron("0 0/5 * * * ?"), Schedule.parse("0 0/5 * * * ?"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse("5 minutes"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse("soon"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse("0s"));
  }

  @Test
  void takesTheScheduleOfTheAnnotation() {
    assertEquals(Optional.empty(), Schedule.of(spec("", "")));
    assertEquals(Optional.of(Schedule.every(Duration.ofMinutes(5))), Schedule.of(spec("5m", "")));
    assertEquals(
        Optional.of(Schedule.cron("0 0 * * * ?")), Schedule.of(spec("", "0 0 * * * ?")));
    IllegalArgumentException both =
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(spec("5m", "0 0 * * * ?")));
    assertTrue(both.getMessage().startsWith("item: declares both"), both.getMessage());
  }

  @Test
  void refusesADeclaredScheduleThatTheProcessorWouldHaveRefused() {
    // A spec written by hand gets the annotation's rules: a cron every scheduler runs.
    IllegalArgumentException quartzOnly =
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(spec("", "0 0 12 L * ?")));
    assertTrue(
        quartzOnly.getMessage().startsWith("item: cron '0 0 12 L * ?': day of month 'L'"),
        quartzOnly.getMessage());
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(spec("0m", "")));
    assertEquals("item: '0m' is not a positive interval; a schedule runs at most this often",
        zero.getMessage());
  }

  @Test
  void aSpecWrittenByHandGetsTheDeclarationsNameRules() {
    IllegalArgumentException table =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TableSpec.builder("item", Item.class)
                    .targetTable("wms.item.copy")
                    .query("SELECT id, changed_at FROM item")
                    .key("id", long.class)
                    .cursor("changed_at", LocalDateTime.class)
                    .build());
    assertTrue(
        table.getMessage().startsWith("item: 'wms.item.copy' is not a valid table name"),
        table.getMessage());
    IllegalArgumentException column =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TableSpec.builder("item", Item.class)
                    .targetTable("item_copy")
                    .query("SELECT id, changed_at FROM item")
                    .key("id; DROP TABLE x", long.class)
                    .cursor("changed_at", LocalDateTime.class)
                    .build());
    assertTrue(
        column.getMessage().startsWith("item: 'id; DROP TABLE x' is not a valid column name"),
        column.getMessage());
  }

  private static TableSpec spec(String interval, String cron) {
    return TableSpec.builder("item", Item.class)
        .targetTable("item_copy")
        .query("SELECT id, changed_at FROM item")
        .key("id", long.class)
        .cursor("changed_at", LocalDateTime.class)
        .interval(interval)
        .cron(cron)
        .build();
  }
}
