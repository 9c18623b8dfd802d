package dev.tablesync.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.StockLevelSync;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The embedded scheduler syncing from the embedded MariaDB into the embedded PostgreSQL. */
class SyncSchedulerTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 8, 0);

  /** Source and target databases with the item and stock level tables. */
  private static final class Fixture {
    final TestServer from = TestServers.mariaDb();
    final TestServer to = TestServers.postgres();
    final DataSource source = from.newDatabase("sched_src");
    final DataSource target = to.newDatabase("sched_dst");

    Fixture(boolean withItemTarget) {
      Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
          + " price DECIMAL(12,2), changed_at " + from.timestampType() + " NOT NULL,"
          + " deleted INT NOT NULL DEFAULT 0)");
      if (withItemTarget) {
        createItemTarget();
      }
      String stock = "warehouse VARCHAR(20) NOT NULL, sku INT NOT NULL, qty INT, updated_at ";
      Sql.execute(source, "CREATE TABLE stock_level (" + stock + from.timestampType()
          + ", PRIMARY KEY (warehouse, sku))");
      Sql.execute(target, "CREATE TABLE stock_level_copy (" + stock + to.timestampType()
          + ", PRIMARY KEY (warehouse, sku))");
      Sql.batch(source, "INSERT INTO stock_level VALUES (?, ?, ?, ?)", 1, 20,
          sku -> List.of("east", (int) sku, 1, T0));
    }

    void createItemTarget() {
      Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
          + " price DECIMAL(12,2), changed_at " + to.timestampType() + " NOT NULL)");
    }

    void insertItems(long fromId, long toId, LocalDateTime changedAt) {
      Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
          fromId, toId, id -> List.of(id, "item " + id, BigDecimal.valueOf(id, 2), changedAt));
    }

    SyncEngine engine(SyncListener listener) {
      return SyncEngine.builder()
          .dataSource("source", source)
          .dataSource("target", target)
          .table(new ItemSync())
          .table(new StockLevelSync())
          .listener(listener)
          .snapshot(false) // batches are what a stop waits for
          .build();
    }

    List<Long> targetItemIds() {
      return Sql.query(target, "SELECT id FROM item_copy ORDER BY id", rs -> rs.getLong(1));
    }
  }

  /** A run as the test saw it end. */
  private record Seen(ScheduledRun run, Instant ended) {
    Instant started() {
      return ended.minus(run.result().orElseThrow().duration());
    }
  }

  @Test
  void runsEachTableOnItsScheduleAndNeverTwiceAtOnce() throws Exception {
    Fixture fixture = new Fixture(true);
    fixture.insertItems(1, 300, T0);
    SyncEngine engine = fixture.engine(slowBatches(20));
    List<Seen> seen = new CopyOnWriteArrayList<>();

    SyncScheduler scheduler =
        SyncScheduler.builder(engine)
            .schedule("item", Schedule.parse("100ms"))
            .schedule("stock_level", Schedule.parse("* * * * * ?"))
            .onRun(run -> seen.add(new Seen(run, Instant.now())))
            .start();
    Thread.sleep(1_200);
    fixture.insertItems(301, 450, T0.plusMinutes(1));
    Thread.sleep(1_300);
    assertTrue(scheduler.stop(Duration.ofSeconds(10)));

    List<Seen> items = of(seen, "item");
    List<Seen> stock = of(seen, "stock_level");
    assertTrue(items.size() >= 5 && items.size() <= 26, "item ran " + items.size() + " times");
    assertTrue(stock.size() >= 2 && stock.size() <= 3, "stock_level ran " + stock.size() + " times");
    assertTrue(seen.stream().allMatch(s -> s.run().succeeded()), seen.toString());
    for (List<Seen> runs : List.of(items, stock)) {
      for (int i = 1; i < runs.size(); i++) {
        assertTrue(
            !runs.get(i).started().isBefore(runs.get(i - 1).ended()),
            "runs overlap: " + runs.get(i - 1) + " and " + runs.get(i));
      }
    }
    assertEquals(450, fixture.targetItemIds().size());
    assertEquals(450, items.stream().mapToLong(s -> s.run().result().orElseThrow().rowsWritten()).sum());
  }

  @Test
  void aFailingTableBacksOffWithoutHoldingUpTheOthers() throws Exception {
    Fixture fixture = new Fixture(false); // item_copy is missing: every item run fails
    fixture.insertItems(1, 50, T0);
    List<Seen> seen = new CopyOnWriteArrayList<>();
    SyncScheduler scheduler =
        SyncScheduler.builder(fixture.engine(new SyncListener() {}))
            .defaultSchedule(Schedule.parse("50ms"))
            .backoff(Duration.ofMillis(200), Duration.ofMillis(800))
            .onRun(run -> seen.add(new Seen(run, Instant.now())))
            .start();
    Thread.sleep(2_000);

    List<Seen> failed = of(seen, "item");
    assertTrue(failed.size() >= 3 && failed.size() <= 5, "item ran " + failed.size() + " times");
    long[] backoffs = {200, 400, 800, 800, 800};
    for (int i = 0; i < failed.size(); i++) {
      ScheduledRun run = failed.get(i).run();
      assertEquals(i + 1, run.failuresInARow());
      assertTrue(run.failure().orElseThrow().getMessage().contains("item"), run.toString());
      long waits = Duration.between(failed.get(i).ended(), run.nextRun().orElseThrow()).toMillis();
      // The callback runs a moment after the next run was set: allow for that moment.
      assertTrue(waits >= backoffs[i] - 50, "failure " + (i + 1) + " waits " + waits + " ms");
    }
    int stockRuns = of(seen, "stock_level").size();
    assertTrue(stockRuns >= 10, "stock_level ran only " + stockRuns + " times");

    fixture.createItemTarget();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (of(seen, "item").stream().noneMatch(s -> s.run().succeeded())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(scheduler.stop(Duration.ofSeconds(10)));
    ScheduledRun recovered =
        of(seen, "item").stream().filter(s -> s.run().succeeded()).findFirst().orElseThrow().run();
    assertEquals(0, recovered.failuresInARow());
    assertEquals(50, fixture.targetItemIds().size());
  }

  @Test
  void stopLetsTheBatchInFlightCommitAndTheNextRunGoesOnFromThere() throws Exception {
    Fixture fixture = new Fixture(true);
    fixture.insertItems(1, 2_500, T0);
    CountDownLatch thirdBatch = new CountDownLatch(1);
    SyncEngine engine =
        fixture.engine(
            new SyncListener() {
              @Override
              public void batchCommitted(BatchReport batch) {
                if (batch.batch() == 3) {
                  thirdBatch.countDown();
                }
                pause(20);
              }
            });
    SyncScheduler scheduler =
        SyncScheduler.builder(engine).schedule("item", Schedule.parse("1h")).start();
    assertTrue(thirdBatch.await(30, TimeUnit.SECONDS));

    assertTrue(scheduler.stop(Duration.ofSeconds(10)), "the run did not stop gracefully");

    List<Long> copied = fixture.targetItemIds();
    assertTrue(copied.size() >= 300 && copied.size() < 2_500, copied.size() + " rows copied");
    assertEquals(0, copied.size() % 100, "a batch was cut short: " + copied.size() + " rows");
    assertEquals(copied.size(), copied.get(copied.size() - 1), "rows are the first ones in order");
    assertEquals(copied.size(), engine.status("item").rowsSynced(), "the cursor's row count");

    engine.run("item");
    assertEquals(2_500, fixture.targetItemIds().size());
    assertEquals(2_500, engine.status("item").rowsSynced(), "no row was written twice");
  }

  private static List<Seen> of(List<Seen> seen, String table) {
    return seen.stream().filter(s -> s.run().table().equals(table)).toList();
  }

  private static SyncListener slowBatches(long millis) {
    return new SyncListener() {
      @Override
      public void batchCommitted(BatchReport batch) {
        pause(millis);
      }
    };
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
