package dev.tablesync.runtime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tablesync.runtime.quartz.QuartzSync;
import dev.tablesync.runtime.schedule.Schedule;
import dev.tablesync.runtime.tables.ItemSync;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which scheduler runs the tables, and that it lives and ends with the context. */
class TableSyncSchedulingTest {

  private final ItemDatabases databases = new ItemDatabases();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TableSyncAutoConfiguration.class))
          .withBean("itemSync", ItemSync.class, ItemSync::new)
          .withBean("source", DataSource.class, () -> databases.source)
          .withBean("target", DataSource.class, () -> databases.target);

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void theEmbeddedSchedulerRunsTheTablesWhileTheContextRuns() {
    databases.insert(1, 40, ItemDatabases.T0);
    EmbeddedSchedulerLifecycle[] scheduler = new EmbeddedSchedulerLifecycle[1];
    runner.withPropertyValues("tablesync.scheduler.schedules.item=1h").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(QuartzTableRegistration.class);
      scheduler[0] = context.getBean(EmbeddedSchedulerLifecycle.class);
      assertThat(scheduler[0].isRunning()).isTrue();
      assertThat(scheduler[0].schedules())
          .isEqualTo(Map.of("item", Schedule.every(Duration.ofHours(1))));
      // A table on an interval runs as soon as the scheduler starts.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (databases.targetCount() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(databases.targetCount()).isEqualTo(40);
      databases.assertTargetEqualsSource();
    });
    assertThat(scheduler[0].isRunning()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("tablesync-scheduler-"));
  }

  @Test
  void theDefaultScheduleAppliesToTablesWithoutOne() {
    runner.withPropertyValues("tablesync.scheduler.default-schedule=0 0 3 * * ?").run(context ->
        assertThat(context.getBean(EmbeddedSchedulerLifecycle.class).schedules())
            .isEqualTo(Map.of("item", Schedule.cron("0 0 3 * * ?"))));
  }

  @Test
  void aScheduleOfAnUnknownTableFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("tablesync.scheduler.schedules.itme=30s").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessage("tablesync.scheduler.schedules.itme: no table is named 'itme'; the tables"
                + " are [item]"));
  }

  @Test
  void aScheduleThatCannotBeReadFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("tablesync.scheduler.schedules.item=0 0 3 * *").run(context ->
        assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("tablesync.scheduler.schedules.item=0 0 3 * *: '0 0 3 * *'"
                + " is not a cron expression"));
  }

  @Test
  void schedulingIsOffWithSchedulerEnabledFalse() {
    runner
        .withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class))
        .withPropertyValues("tablesync.scheduler.enabled=false", "spring.quartz.auto-startup=false")
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(EmbeddedSchedulerLifecycle.class)
            .doesNotHaveBean(QuartzTableRegistration.class));
  }

  @Test
  void withBootsQuartzSchedulerTheTablesAreQuartzJobs() {
    runner
        .withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class))
        .withPropertyValues(
            "tablesync.scheduler.schedules.item=5m", "spring.quartz.auto-startup=false")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedSchedulerLifecycle.class);
          assertThat(context.getBean(QuartzTableRegistration.class).registered())
              .isEqualTo(Map.of("item", Schedule.every(Duration.ofMinutes(5))));
          Scheduler scheduler = context.getBean(Scheduler.class);
          assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(QuartzSync.GROUP)))
              .containsExactly(JobKey.jobKey("item", QuartzSync.GROUP));
        });
  }

  @Test
  void withoutQuartzOnTheClassPathTheEmbeddedSchedulerRuns() {
    runner
        .withClassLoader(new FilteredClassLoader(Scheduler.class))
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(EmbeddedSchedulerLifecycle.class)
            .doesNotHaveBean(QuartzTableRegistration.class));
  }
}
