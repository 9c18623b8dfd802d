package dev.tablesync.runtime.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.schedule.Schedule;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.StockLevelSync;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/** Registration on one in-memory Quartz scheduler, and a run interrupted between batches. */
class QuartzSyncTest {

  @Test
  void registersEachTableOnceAndAnInterruptStopsAfterTheBatchInFlight() throws Exception {
    TestServer server = TestServers.postgres();
    DataSource source = server.newDatabase("quartz_src");
    DataSource target = server.newDatabase("quartz_dst");
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at TIMESTAMP(6) NOT NULL, deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at TIMESTAMP(6) NOT NULL)");
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)", 1,
        2_000, id -> List.of(id, "item " + id, BigDecimal.ONE, LocalDateTime.of(2024, 1, 1, 0, 0)));
    CountDownLatch secondBatch = new CountDownLatch(1);
    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", source)
            .dataSource("target", target)
            .table(new ItemSync())
            .table(new StockLevelSync())
            .listener(
                new SyncListener() {
                  @Override
                  public void batchCommitted(BatchReport batch) {
                    if (batch.batch() == 2) {
                      secondBatch.countDown();
                    }
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .snapshot(false) // batches are what an interrupt waits for
            .build();
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", "quartz-sync-test");
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
    try {
      Map<String, Schedule> schedules =
          Map.of("item", Schedule.parse("1h"), "stock_level", Schedule.parse("0 0 3 * * ?"));

      assertEquals(schedules, QuartzSync.register(scheduler, engine, schedules));
      JobDetail item = scheduler.getJobDetail(JobKey.jobKey("item", QuartzSync.GROUP));
      assertTrue(item.requestsRecovery() && item.isDurable() && item.isConcurrentExecutionDisallowed());
      CronTrigger stock =
          (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("stock_level", QuartzSync.GROUP));
      assertEquals("0 0 3 * * ?", stock.getCronExpression());
      java.util.Date itemStart =
          scheduler.getTrigger(TriggerKey.triggerKey("item", QuartzSync.GROUP)).getStartTime();
      Thread.sleep(5);
      QuartzSync.register(scheduler, engine, schedules);
      assertEquals(
          itemStart,
          scheduler.getTrigger(TriggerKey.triggerKey("item", QuartzSync.GROUP)).getStartTime(),
          "an unchanged schedule keeps its trigger");

      scheduler.start();
      assertTrue(secondBatch.await(30, TimeUnit.SECONDS));
      assertTrue(scheduler.interrupt(JobKey.jobKey("item", QuartzSync.GROUP)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long copied = Sql.query(target, "SELECT COUNT(*) FROM item_copy", rs -> rs.getLong(1)).get(0);
      assertTrue(copied >= 200 && copied < 2_000 && copied % 100 == 0, copied + " rows copied");
      assertEquals(copied, engine.status("item").rowsSynced());
    } finally {
      scheduler.shutdown(true);
    }
  }
}
