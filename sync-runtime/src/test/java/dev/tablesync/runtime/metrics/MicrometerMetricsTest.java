package dev.tablesync.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With Micrometer on the class path, the engine's meters appear on the global registry. */
class MicrometerMetricsTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 8, 0);

  @Test
  void countsRowsTimesBatchesGaugesLagAndCountsFailures() {
    TestServer server = TestServers.mariaDb();
    DataSource source = server.newDatabase("metrics_src");
    DataSource target = server.newDatabase("metrics_dst");
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at DATETIME(6) NOT NULL, deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at DATETIME(6) NOT NULL)");
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)", 1, 250,
        id -> List.of(id, "item " + id, BigDecimal.ONE, T0));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try {
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(new ItemSync())
              .snapshot(false) // counts the rows and batches of batches
              .build();

      engine.run("item");

      assertEquals(250, registry.get("tablesync.rows.read").tag("table", "item").counter().count());
      assertEquals(250, registry.get("tablesync.rows.written").tag("table", "item").counter().count());
      assertEquals(3, registry.get("tablesync.batch").tag("table", "item").timer().count());
      assertEquals(0, registry.get("tablesync.lag").tag("table", "item").gauge().value());

      Sql.execute(source, "UPDATE item SET changed_at = ? WHERE id = 1", T0.plusMinutes(2));
      engine.status("item");
      assertEquals(120, registry.get("tablesync.lag").tag("table", "item").gauge().value());

      Sql.execute(target, "DROP TABLE item_copy");
      assertThrows(SyncException.class, () -> engine.run("item"));
      assertEquals(1, registry.get("tablesync.runs.failed").tag("table", "item").counter().count());
    } finally {
      Metrics.removeRegistry(registry);
    }
  }

  @Test
  void theLagGaugeShowsTheLatestMeasurementOfAnyEngineOnTheRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try {
      // An engine built again in the same JVM (a restarted context, a test) measures anew.
      EngineMetrics first = MicrometerMetrics.onGlobalRegistry();
      first.lagMeasured("lag_gauge", java.time.Duration.ofSeconds(5));
      EngineMetrics second = MicrometerMetrics.onGlobalRegistry();
      second.lagMeasured("lag_gauge", java.time.Duration.ofSeconds(7));
      assertEquals(7, registry.get("tablesync.lag").tag("table", "lag_gauge").gauge().value());
    } finally {
      Metrics.removeRegistry(registry);
    }
  }

  @Test
  void onTheRegistryTheBuilderIsGivenAndNotTheGlobalOne() {
    TestServer server = TestServers.mariaDb();
    DataSource source = server.newDatabase("metrics_own_src");
    DataSource target = server.newDatabase("metrics_own_dst");
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at DATETIME(6) NOT NULL, deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at DATETIME(6) NOT NULL)");
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)", 1, 40,
        id -> List.of(id, "item " + id, BigDecimal.ONE, T0));
    SimpleMeterRegistry global = new SimpleMeterRegistry();
    SimpleMeterRegistry own = new SimpleMeterRegistry();
    Metrics.addRegistry(global);
    try {
      SyncEngine.builder()
          .dataSource("source", source)
          .dataSource("target", target)
          .table(new ItemSync())
          .snapshot(false)
          .metrics(MicrometerMetrics.on(own))
          .build()
          .run("item");

      assertEquals(40, own.get("tablesync.rows.written").tag("table", "item").counter().count());
      // Meters an earlier engine made on the global registry may show here, but count nothing.
      Counter onGlobal = global.find("tablesync.rows.written").tag("table", "item").counter();
      assertEquals(0, onGlobal == null ? 0 : onGlobal.count());
    } finally {
      Metrics.removeRegistry(global);
    }
  }

  @Test
  void rowsReadCountTheRowsABatchSetAsideAndRowsWrittenDoNot() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EngineMetrics metrics = MicrometerMetrics.on(registry);
    metrics.batchCommitted(
        new dev.tablesync.runtime.BatchReport(
            "read_count", 1, 998, 1000, 998, "2024-03-01T08:00", java.time.Duration.ofMillis(5),
            null));
    assertEquals(1000, registry.get("tablesync.rows.read").tag("table", "read_count").counter().count());
    assertEquals(998, registry.get("tablesync.rows.written").tag("table", "read_count").counter().count());
  }
}
