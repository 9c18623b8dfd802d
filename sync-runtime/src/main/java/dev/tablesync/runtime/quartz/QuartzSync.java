package dev.tablesync.runtime.quartz;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.schedule.Schedule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Puts an engine's tables on a Quartz scheduler: one durable {@link TableSyncJob} per table, in
 * group {@value #GROUP} and named after the table, with one trigger on the table's schedule.
 *
 * <p>On a clustered JDBC job store every node calls {@link #register} with its own engine: the
 * jobs and triggers are stored once and shared, each firing runs on one node, and a job that was
 * running on a node that died is run again by another ({@code requestsRecovery}). A trigger whose
 * schedule is unchanged is left alone, so a node joining does not reset the others' timing.
 */
public final class QuartzSync {

  /** The group of every sync job and trigger this class stores. */
  public static final String GROUP = "tablesync";

  /** The group of every reconcile job and trigger this class stores. */
  public static final String RECONCILE_GROUP = "tablesync-reconcile";

  /** The scheduler context key of the engine the jobs run with. */
  static final String ENGINE = SyncEngine.class.getName();

  private QuartzSync() {}

  /** Registers every table with the schedule on its annotation; see {@link #register(Scheduler, SyncEngine, Map)}. */
  public static Map<String, Schedule> register(Scheduler scheduler, SyncEngine engine)
      throws SchedulerException {
    return register(scheduler, engine, Map.of());
  }

  /**
   * Registers every table of {@code engine} that has a schedule, on {@code scheduler}, and makes
   * the engine the one this scheduler's jobs run with. Tables without a schedule are left out.
   *
   * @param overrides schedules that replace the annotations' by table name
   * @return the tables registered, with their schedules
   */
  public static Map<String, Schedule> register(
      Scheduler scheduler, SyncEngine engine, Map<String, Schedule> overrides)
      throws SchedulerException {
    scheduler.getContext().put(ENGINE, engine);
    Map<String, Schedule> registered = new LinkedHashMap<>();
    for (String table : engine.tables()) {
      Optional<Schedule> schedule =
          Optional.ofNullable(overrides.get(table)).or(() -> Schedule.of(engine.spec(table)));
      if (schedule.isPresent()) {
        store(scheduler, TableSyncJob.class, GROUP, table, schedule.get());
        registered.put(table, schedule.get());
      }
    }
    registerReconciles(scheduler, engine, Map.of());
    return registered;
  }

  /**
   * Registers a {@link ReconcileJob} in group {@value #RECONCILE_GROUP} for every table of {@code
   * engine} with a reconcile schedule: its annotation's {@code reconcileInterval} or {@code
   * reconcileCron}, or one of {@code overrides}. {@link #register} calls it with no overrides.
   *
   * @return the tables registered, with their reconcile schedules
   */
  public static Map<String, Schedule> registerReconciles(
      Scheduler scheduler, SyncEngine engine, Map<String, Schedule> overrides)
      throws SchedulerException {
    scheduler.getContext().put(ENGINE, engine);
    Map<String, Schedule> registered = new LinkedHashMap<>();
    for (String table : engine.tables()) {
      Optional<Schedule> schedule =
          Optional.ofNullable(overrides.get(table))
              .or(() -> Schedule.reconcileOf(engine.spec(table)));
      if (schedule.isPresent()) {
        store(scheduler, ReconcileJob.class, RECONCILE_GROUP, table, schedule.get());
        registered.put(table, schedule.get());
      }
    }
    return registered;
  }

  /** Stores one table's job and trigger, unless a trigger on the same schedule is there. */
  private static void store(
      Scheduler scheduler, Class<? extends Job> type, String group, String table, Schedule schedule)
      throws SchedulerException {
    TriggerKey triggerKey = TriggerKey.triggerKey(table, group);
    Trigger existing = scheduler.getTrigger(triggerKey);
    if (existing != null && sameSchedule(existing, schedule)) {
      return;
    }
    JobDetail job =
        JobBuilder.newJob(type)
            .withIdentity(JobKey.jobKey(table, group))
            .usingJobData(TableSyncJob.TABLE, table)
            .requestRecovery()
            .storeDurably()
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(triggerKey)
            .forJob(job)
            .withSchedule(quartzSchedule(schedule))
            .startNow()
            .build();
    scheduler.scheduleJob(job, Set.of(trigger), true);
  }

  static SyncEngine engine(Scheduler scheduler) throws SchedulerException {
    Object engine = scheduler.getContext().get(ENGINE);
    if (engine == null) {
      throw new SchedulerException(
          "no TableSync engine on this scheduler; call QuartzSync.register(scheduler, engine)"
              + " on every node before it starts");
    }
    return (SyncEngine) engine;
  }

  private static ScheduleBuilder<? extends Trigger> quartzSchedule(Schedule schedule) {
    if (schedule instanceof Schedule.Every every) {
      // A run that outlasts the interval makes the next firing late: skip it, don't pile up.
      return SimpleScheduleBuilder.simpleSchedule()
          .withIntervalInMilliseconds(every.interval().toMillis())
          .repeatForever()
          .withMisfireHandlingInstructionNextWithRemainingCount();
    }
    return CronScheduleBuilder.cronSchedule(((Schedule.Cron) schedule).expression())
        .withMisfireHandlingInstructionDoNothing();
  }

  private static boolean sameSchedule(Trigger trigger, Schedule schedule) {
    if (trigger instanceof SimpleTrigger simple && schedule instanceof Schedule.Every every) {
      return simple.getRepeatInterval() == every.interval().toMillis();
    }
    return trigger instanceof CronTrigger cron
        && schedule instanceof Schedule.Cron expression
        && cron.getCronExpression().equals(expression.expression());
  }
}
