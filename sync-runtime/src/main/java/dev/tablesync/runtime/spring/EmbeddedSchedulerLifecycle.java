package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.schedule.Schedule;
import dev.tablesync.runtime.schedule.SyncScheduler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded {@link SyncScheduler}, bound to the application context's lifecycle: it starts
 * once every bean is ready, in the last phase (after the web server), and stops first on
 * shutdown, letting every run in flight commit its current batch, for up to {@code
 * tablesync.scheduler.shutdown-timeout}.
 */
public class EmbeddedSchedulerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSchedulerLifecycle.class);

  private final SyncEngine engine;
  private final TableSyncProperties.Scheduler config;
  private volatile SyncScheduler scheduler;

  EmbeddedSchedulerLifecycle(SyncEngine engine, TableSyncProperties.Scheduler config) {
    this.engine = engine;
    this.config = config;
  }

  @Override
  public void start() {
    SyncScheduler.Builder builder =
        SyncScheduler.builder(engine).backoff(config.getBackoffFirst(), config.getBackoffMax());
    Schedules.overrides(engine, config).forEach(builder::schedule);
    if (config.getZone() != null) {
      builder.zone(config.getZone());
    }
    scheduler = builder.start();
    log.info("TableSync scheduler started: {}", scheduler.schedules());
  }

  @Override
  public void stop() {
    SyncScheduler running = scheduler;
    scheduler = null;
    if (running != null && !running.stop(config.getShutdownTimeout())) {
      log.warn(
          "TableSync scheduler: runs still going after {}; their current batches roll back",
          config.getShutdownTimeout());
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** The scheduled tables with their schedules; empty while stopped. */
  public Map<String, Schedule> schedules() {
    SyncScheduler running = scheduler;
    return running == null ? Map.of() : running.schedules();
  }
}
