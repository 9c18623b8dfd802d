package dev.tablesync.runtime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The properties metadata IDEs read: every {@code tablesync.*} property is described, and each
 * default it states is the one the properties really have.
 */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedAndItsStatedDefaultIsTheRealOne() throws IOException {
    Map<String, JsonNode> byName = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
        if (property.path("name").asString().startsWith("tablesync.")) {
          byName.put(property.path("name").asString(), property);
        }
      }
    }
    assertThat(byName).isNotEmpty();
    assertThat(byName.values())
        .allSatisfy(property -> assertThat(property.path("description").asString()).isNotBlank());

    TableSyncProperties defaults = new TableSyncProperties();
    Map<String, Object> real = new HashMap<>();
    real.put("tablesync.create-tables", String.valueOf(defaults.isCreateTables()));
    real.put("tablesync.backlog-chunk-size", defaults.getBacklogChunkSize());
    real.put("tablesync.cursor-table", defaults.getCursorTable());
    real.put("tablesync.run-table", defaults.getRunTable());
    real.put("tablesync.reconcile-table", defaults.getReconcileTable());
    real.put("tablesync.delete-guard", defaults.getDeleteGuard());
    real.put("tablesync.reconcile-range-size", defaults.getReconcileRangeSize());
    real.put("tablesync.dead-letter-table", defaults.getDeadLetterTable());
    real.put("tablesync.snapshot.chunk-size", defaults.getSnapshot().getChunkSize());
    real.put("tablesync.retry.max-attempts", defaults.getRetry().getMaxAttempts());
    real.put("tablesync.retry.first-pause", defaults.getRetry().getFirstPause());
    real.put("tablesync.retry.max-pause", defaults.getRetry().getMaxPause());
    real.put("tablesync.scheduler.shutdown-timeout", defaults.getScheduler().getShutdownTimeout());
    real.put("tablesync.health.failures-in-a-row", defaults.getHealth().getFailuresInARow());
    real.forEach((name, value) -> {
      JsonNode stated = byName.get(name).path("defaultValue");
      Object read = value instanceof Duration
          ? DurationStyle.detectAndParse(stated.asString())
          : value instanceof Integer
              ? (Object) stated.asInt()
              : value instanceof Double ? (Object) stated.asDouble() : stated.asString();
      assertThat(read).as(name).isEqualTo(value);
    });
  }
}
