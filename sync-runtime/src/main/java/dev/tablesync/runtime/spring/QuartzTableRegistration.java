package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.quartz.QuartzSync;
import dev.tablesync.runtime.schedule.Schedule;
import java.util.Map;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The engine's tables on the Quartz scheduler that Spring Boot manages, registered before it
 * starts (clustered when its job store is). When the context closes, before Quartz shuts down,
 * each run in flight is asked to stop after its current batch commits; with {@code
 * spring.quartz.wait-for-jobs-to-complete-on-shutdown=true}, Quartz waits for it.
 */
public class QuartzTableRegistration
    implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

  private static final Logger log = LoggerFactory.getLogger(QuartzTableRegistration.class);

  private final Scheduler scheduler;
  private final Map<String, Schedule> registered;
  private ApplicationContext context;

  QuartzTableRegistration(
      Scheduler scheduler, SyncEngine engine, TableSyncProperties.Scheduler config) {
    this.scheduler = scheduler;
    try {
      this.registered = QuartzSync.register(scheduler, engine, Schedules.overrides(engine, config));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot register the TableSync jobs with Quartz", e);
    }
    log.info("TableSync tables on Quartz: {}", registered);
  }

  /** The tables registered, with their schedules. */
  public Map<String, Schedule> registered() {
    return registered;
  }

  @Override
  public void setApplicationContext(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // another context of the hierarchy (a management port's) closing
    }
    try {
      for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
        if (QuartzSync.GROUP.equals(running.getJobDetail().getKey().getGroup())) {
          scheduler.interrupt(running.getFireInstanceId());
        }
      }
    } catch (SchedulerException e) {
      log.warn("TableSync: cannot ask the runs on Quartz to stop: {}", e.getMessage());
    }
  }
}
