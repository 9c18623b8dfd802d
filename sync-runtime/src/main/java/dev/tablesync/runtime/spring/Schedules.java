package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.schedule.Schedule;
import java.util.LinkedHashMap;
import java.util.Map;

/** The schedules {@code tablesync.scheduler.*} gives, read and checked against the engine. */
final class Schedules {

  private Schedules() {}

  /**
   * The schedules that replace the annotations': {@code tablesync.scheduler.schedules}, and
   * {@code tablesync.scheduler.default-schedule} for each table with no schedule at all.
   *
   * @throws IllegalArgumentException naming the property when a table is unknown or a schedule
   *     cannot be read
   */
  static Map<String, Schedule> overrides(SyncEngine engine, TableSyncProperties.Scheduler config) {
    Map<String, Schedule> overrides = new LinkedHashMap<>();
    config.getSchedules().forEach((table, text) -> {
      String property = "tablesync.scheduler.schedules." + table;
      if (!engine.tables().contains(table)) {
        throw new IllegalArgumentException(
            property + ": no table is named '" + table + "'; the tables are " + engine.tables());
      }
      overrides.put(table, parse(property, text));
    });
    if (config.getDefaultSchedule() != null) {
      Schedule fallback = parse("tablesync.scheduler.default-schedule", config.getDefaultSchedule());
      for (String table : engine.tables()) {
        if (!overrides.containsKey(table) && Schedule.of(engine.spec(table)).isEmpty()) {
          overrides.put(table, fallback);
        }
      }
    }
    return overrides;
  }

  private static Schedule parse(String property, String text) {
    try {
      return Schedule.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + "=" + text + ": " + e.getMessage(), e);
    }
  }
}
