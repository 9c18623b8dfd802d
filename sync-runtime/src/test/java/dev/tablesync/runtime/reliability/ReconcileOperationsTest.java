package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.ReconcileRefusedException;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.schedule.Schedule;
import dev.tablesync.runtime.schedule.SyncScheduler;
import dev.tablesync.runtime.status.ReconcileRecord;
import dev.tablesync.runtime.status.TableStatus;
import dev.tablesync.runtime.tables.ProductSync;
import dev.tablesync.runtime.tables.ScheduledProductSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServers;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Reconciliation as operators see it: status, listener, metrics and schedules. */
class ReconcileOperationsTest {

  private static final Route ROUTE = new Route(TestServers.postgres(), TestServers.mariaDb());

  @Test
  void statusListenerAndMetricsTellWhatItFoundAndWhatItRefused() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try (TestDatabases databases = new TestDatabases()) {
      ReconcileTest.Products products = new ReconcileTest.Products(ROUTE, databases, 120);
      List<String> progress = new CopyOnWriteArrayList<>();
      SyncEngine engine =
          products.engine(new ProductSync())
              .reconcileRangeSize(50)
              .listener(
                  new SyncListener() {
                    @Override
                    public void reconcileProgress(ReconcileResult soFar) {
                      progress.add(soFar.name() + " " + soFar.sourceRows());
                    }
                  })
              .build();
      engine.run("product");
      Sql.execute(products.source, "DELETE FROM product WHERE id <= 4");

      ReconcileResult result = engine.reconcile("product");

      assertEquals(List.of("product 46", "product 96", "product 116", "product 116"), progress);
      ReconcileRecord last = engine.status("product").lastReconcile().orElseThrow();
      assertEquals(ReconcileRecord.Outcome.SUCCEEDED, last.outcome());
      assertEquals(4, last.found().orElseThrow().deleted());
      assertEquals(116, last.found().orElseThrow().sourceRows());
      assertTrue(!last.finished().isBefore(last.started()));
      assertEquals(
          4, registry
              .get("tablesync.reconcile.rows")
              .tag("table", "product")
              .tag("kind", "deleted")
              .counter()
              .count());
      assertEquals(1, registry.get("tablesync.reconcile").tag("table", "product").timer().count());
      assertEquals(4, result.deleted());

      Sql.execute(products.source, "DELETE FROM product");
      assertThrows(ReconcileRefusedException.class, () -> engine.reconcile("product"));

      TableStatus status = engine.status("product");
      ReconcileRecord refused = status.lastReconcile().orElseThrow();
      assertEquals(ReconcileRecord.Outcome.REFUSED, refused.outcome());
      assertTrue(refused.error().contains("returned no rows at all"), refused.error());
      assertEquals(116, refused.found().orElseThrow().extra());
      assertEquals(
          1, registry.get("tablesync.reconcile.failed").tag("table", "product").counter().count());
    } finally {
      Metrics.removeRegistry(registry);
    }
  }

  @Test
  void theSchedulerReconcilesOnTheRecordsIntervalOrOneGivenToIt() throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      ReconcileTest.Products products = new ReconcileTest.Products(ROUTE, databases, 50);
      SyncEngine engine = products.engine(new ScheduledProductSync()).build();
      engine.run("scheduled_product");
      Sql.execute(products.source, "DELETE FROM product WHERE id = 7");

      try (SyncScheduler scheduler = SyncScheduler.builder(engine).start()) {
        assertEquals(
            Map.of("scheduled_product", Schedule.parse("200ms")), scheduler.reconcileSchedules());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (products.targetIds("id = 7").size() == 1 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
      }

      assertEquals(List.of(), products.targetIds("id = 7"));
      assertEquals(products.sourceView(), products.targetView(""));
      try (SyncScheduler scheduler =
          SyncScheduler.builder(engine)
              .reconcile("scheduled_product", Schedule.parse("0 0 3 * * ?"))
              .start()) {
        assertEquals(
            Map.of("scheduled_product", Schedule.parse("0 0 3 * * ?")),
            scheduler.reconcileSchedules());
      }
    }
  }
}
