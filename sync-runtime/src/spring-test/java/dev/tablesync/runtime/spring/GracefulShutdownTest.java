package dev.tablesync.runtime.spring;

import static dev.tablesync.runtime.spring.SpringBootHostTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.spring.app.ItemSyncApplication;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Sql;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application that shuts down while a run of {@code item} is in flight, on the
 * embedded scheduler and on Boot's Quartz scheduler: the run stops after its current batch
 * commits, as a success, the target holds exactly the rows before the stored position, and the
 * next run goes on from there.
 */
class GracefulShutdownTest {

  private final ItemDatabases databases = new ItemDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void theEmbeddedSchedulerStopsARunInFlightAfterItsCurrentBatchCommits() throws Exception {
    stopsARunInFlightAfterItsCurrentBatchCommits(
        "spring.autoconfigure.exclude="
            + "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration");
  }

  @Test
  void quartzStopsARunInFlightAfterItsCurrentBatchCommits() throws Exception {
    stopsARunInFlightAfterItsCurrentBatchCommits(
        "spring.quartz.wait-for-jobs-to-complete-on-shutdown=true");
  }

  private void stopsARunInFlightAfterItsCurrentBatchCommits(String scheduler) throws Exception {
    LocalDateTime changed = ItemDatabases.T0.plusMinutes(10);
    databases.insert(1, 100, ItemDatabases.T0);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ItemSyncApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "tablesync.data-sources.source.url=" + ItemDatabases.url(databases.source),
                "tablesync.data-sources.target.url=" + ItemDatabases.url(databases.target),
                "tablesync.scheduler.schedules.item=1s",
                scheduler)
            .run();
    await("the first run", () -> !databases.lastRunOutcome().isEmpty());
    assertThat(databases.targetCount()).isEqualTo(100);
    context.getBean(ItemSyncApplication.BatchPause.class).set(Duration.ofMillis(300));
    long before = databases.cursorRowsSynced();
    databases.insert(1_001, 4_000, changed); // 30 batches of 100, 300 ms after each
    await("the slow run's first batch", () -> databases.cursorRowsSynced() > before);

    long closing = System.nanoTime();
    context.close();
    Duration closed = Duration.ofNanos(System.nanoTime() - closing);

    long committed = databases.targetCount() - 100;
    System.out.println("graceful shutdown (" + scheduler + "): closed in " + closed.toMillis()
        + " ms with a run in flight, " + committed + " of its 3000 rows committed");
    assertThat(closed).isLessThan(Duration.ofSeconds(5)); // not 30 batches, nor the 30 s timeout
    assertThat(committed).isLessThan(3_000);
    assertThat(databases.lastRunOutcome()).containsExactly("SUCCEEDED");
    List<Long> lastKey = Sql.query(databases.target,
        "SELECT MAX(id) FROM item_copy WHERE changed_at = ?", rs -> rs.getLong(1), changed);
    databases.assertTargetHoldsSourceUpTo(changed, lastKey.get(0));
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("tablesync-scheduler-"));

    SyncEngine next = SyncEngine.builder()
        .dataSource("source", databases.source)
        .dataSource("target", databases.target)
        .table(new ItemSync())
        .build();
    next.run("item");
    databases.assertTargetEqualsSource();
  }
}
