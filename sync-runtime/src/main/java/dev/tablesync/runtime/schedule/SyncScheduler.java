package dev.tablesync.runtime.schedule;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an engine's tables on their schedules inside the host process, with nothing but the JDK.
 *
 * <pre>{@code
 * SyncScheduler scheduler = SyncScheduler.builder(engine)
 *     .schedule("supplier", Schedule.parse("30s"))   // overrides the annotation
 *     .start();
 * ...
 * scheduler.stop(Duration.ofMinutes(1));             // lets batches in flight commit
 * }</pre>
 *
 * <p>Each table has its own thread and timer: a run of one table is never started while the
 * previous one goes on, and a slow or failing table holds up no other. A table whose run fails
 * waits longer before each retry (doubling from {@link Builder#backoff}'s first delay up to its
 * maximum), and is back on its schedule after its next success. A table on an interval runs as
 * soon as the scheduler starts; one on a cron expression at its first time. Tables with no
 * schedule on their annotation, none given here and no default are not scheduled.
 *
 * <p>Reconciliations are scheduled beside runs, each table's on a thread of its own: on the
 * annotation's {@code reconcileInterval} or {@code reconcileCron}, or on {@link
 * Builder#reconcile}'s schedule. A reconciliation and a run of one table take turns range by
 * range on its cursor row; one that fails or refuses is logged and waits for its next time.
 *
 * <p>Cron expressions here take the subset {@link CronExpression} describes; Quartz takes all.
 */
public final class SyncScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

  private final SyncEngine engine;
  private final Map<String, Timing> timings;
  private final Map<String, Timing> reconcileTimings;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Consumer<ScheduledRun> onRun;
  private final ScheduledThreadPoolExecutor executor;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private SyncScheduler(
      Builder builder, Map<String, Timing> timings, Map<String, Timing> reconcileTimings) {
    this.engine = builder.engine;
    this.timings = timings;
    this.reconcileTimings = reconcileTimings;
    this.firstBackoff = builder.firstBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.onRun = builder.onRun;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ScheduledThreadPoolExecutor(
            Math.max(1, timings.size() + reconcileTimings.size()),
            task -> {
              Thread thread = new Thread(task, "tablesync-scheduler-" + threads.incrementAndGet());
              // A host that exits without stop() loses no data: the batch in flight rolls back.
              thread.setDaemon(true);
              return thread;
            });
    // Runs waiting for their time are dropped on stop; only runs in flight finish.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Starts configuring a scheduler for the tables of {@code engine}. */
  public static Builder builder(SyncEngine engine) {
    return new Builder(engine);
  }

  /** The scheduled tables with their schedules, in name order. */
  public Map<String, Schedule> schedules() {
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    timings.forEach((name, timing) -> schedules.put(name, timing.schedule()));
    return schedules;
  }

  /** The tables whose reconciliations are scheduled, with their schedules, in name order. */
  public Map<String, Schedule> reconcileSchedules() {
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    reconcileTimings.forEach((name, timing) -> schedules.put(name, timing.schedule()));
    return schedules;
  }

  /**
   * Stops scheduling, asks every run in flight to stop after its current batch commits, and waits
   * up to {@code timeout} for them.
   *
   * @return whether every run ended in time; if not, their threads are interrupted and a batch
   *     cut short rolls back
   */
  public boolean stop(Duration timeout) {
    stopping.set(true);
    executor.shutdown();
    try {
      if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    return false;
  }

  /** Stops as {@link #stop} does, waiting up to a minute. */
  @Override
  public void close() {
    stop(Duration.ofMinutes(1));
  }

  private void start() {
    Instant now = Instant.now();
    timings.forEach((name, timing) -> submit(name, timing.first(now), 0));
    reconcileTimings.forEach((name, timing) -> submitReconcile(name, timing.first(now)));
  }

  private void submitReconcile(String name, Instant at) {
    long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
    try {
      executor.schedule(() -> reconcileOnce(name), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stop() came first: nothing more runs.
    }
  }

  private void reconcileOnce(String name) {
    Instant started = Instant.now();
    try {
      engine.reconcile(name);
    } catch (SyncException e) {
      // the engine has logged it and kept it for status()
    } catch (RuntimeException e) {
      log.error("{}: reconciliation failed", name, e);
    }
    if (!stopping.get()) {
      submitReconcile(name, reconcileTimings.get(name).next(started, Instant.now()));
    }
  }

  private void submit(String name, Instant at, int failuresInARow) {
    long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
    try {
      executor.schedule(() -> runOnce(name, failuresInARow), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stop() came first: nothing more runs.
    }
  }

  private void runOnce(String name, int failuresBefore) {
    Instant started = Instant.now();
    Optional<SyncResult> result = Optional.empty();
    Optional<RuntimeException> failure = Optional.empty();
    try {
      result = Optional.of(engine.run(name, stopping::get));
    } catch (SyncException e) {
      failure = Optional.of(e); // the engine has logged it
    } catch (RuntimeException e) {
      log.error("{}: run failed", name, e);
      failure = Optional.of(e);
    }
    int failures = failure.isPresent() ? failuresBefore + 1 : 0;
    Optional<Instant> next = Optional.empty();
    if (!stopping.get()) {
      Instant due = timings.get(name).next(started, Instant.now());
      if (failures > 0) {
        Instant retry = Instant.now().plus(backoff(failures));
        due = retry.isAfter(due) ? retry : due;
      }
      next = Optional.of(due);
      submit(name, due, failures);
    }
    report(new ScheduledRun(name, result, failure, failures, next));
  }

  /** The first delay, doubled for each further failure in a row, up to the maximum. */
  Duration backoff(int failuresInARow) {
    Duration delay = firstBackoff;
    for (int i = 1; i < failuresInARow && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxBackoff) < 0 ? delay : maxBackoff;
  }

  private void report(ScheduledRun run) {
    try {
      onRun.accept(run);
    } catch (RuntimeException e) {
      log.warn("{}: the onRun callback failed", run.table(), e);
    }
  }

  /** When one table runs. */
  private interface Timing {
    Schedule schedule();

    /** The first run after the scheduler starts at {@code now}. */
    Instant first(Instant now);

    /** The run after one that started at {@code started} and ended at {@code now}. */
    Instant next(Instant started, Instant now);
  }

  private static Timing timing(Schedule schedule, ZoneId zone) {
    if (schedule instanceof Schedule.Every every) {
      return new Timing() {
        @Override
        public Schedule schedule() {
          return schedule;
        }

        @Override
        public Instant first(Instant now) {
          return now;
        }

        @Override
        public Instant next(Instant started, Instant now) {
          Instant due = started.plus(every.interval());
          return due.isAfter(now) ? due : now;
        }
      };
    }
    CronExpression cron = CronExpression.parse(((Schedule.Cron) schedule).expression());
    return new Timing() {
      @Override
      public Schedule schedule() {
        return schedule;
      }

      @Override
      public Instant first(Instant now) {
        return cron.next(now.atZone(zone)).toInstant();
      }

      @Override
      public Instant next(Instant started, Instant now) {
        // Times missed while the run went on are skipped, not made up.
        return cron.next(now.atZone(zone)).toInstant();
      }
    };
  }

  /** Configures a {@link SyncScheduler}. */
  public static final class Builder {
    private final SyncEngine engine;
    private final Map<String, Schedule> overrides = new LinkedHashMap<>();
    private final Map<String, Schedule> reconcileOverrides = new LinkedHashMap<>();
    private Schedule defaultSchedule;
    private Duration firstBackoff = Duration.ofSeconds(10);
    private Duration maxBackoff = Duration.ofMinutes(10);
    private ZoneId zone = ZoneId.systemDefault();
    private Consumer<ScheduledRun> onRun = run -> {};

    private Builder(SyncEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Runs {@code table} on {@code schedule} instead of its annotation's. */
    public Builder schedule(String table, Schedule schedule) {
      if (!engine.tables().contains(table)) {
        throw new IllegalArgumentException(
            "no table is named '" + table + "'; the tables are " + engine.tables());
      }
      overrides.put(table, Objects.requireNonNull(schedule, "schedule"));
      return this;
    }

    /** Reconciles {@code table} on {@code schedule} instead of its annotation's. */
    public Builder reconcile(String table, Schedule schedule) {
      if (!engine.tables().contains(table)) {
        throw new IllegalArgumentException(
            "no table is named '" + table + "'; the tables are " + engine.tables());
      }
      reconcileOverrides.put(table, Objects.requireNonNull(schedule, "schedule"));
      return this;
    }

    /** Runs tables whose annotation has no schedule on {@code schedule}; by default they don't run. */
    public Builder defaultSchedule(Schedule schedule) {
      this.defaultSchedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * How long a failed table waits before its next run: {@code first} after one failure, twice
     * as long after each further one, never more than {@code max}. The table's own schedule wins
     * when it is later. By default 10 seconds, up to 10 minutes.
     */
    public Builder backoff(Duration first, Duration max) {
      if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException("backoff needs 0 < first <= max");
      }
      this.firstBackoff = first;
      this.maxBackoff = max;
      return this;
    }

    /** The time zone cron expressions are read in; the system's by default. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Hears about every run as it ends, on the run's thread; keep it quick. */
    public Builder onRun(Consumer<ScheduledRun> onRun) {
      this.onRun = Objects.requireNonNull(onRun, "onRun");
      return this;
    }

    /**
     * Starts scheduling.
     *
     * @throws IllegalArgumentException when a schedule cannot be read or uses cron syntax the
     *     embedded scheduler does not take
     */
    public SyncScheduler start() {
      Map<String, Timing> timings = new LinkedHashMap<>();
      for (String table : engine.tables()) {
        Optional<Schedule> schedule =
            Optional.ofNullable(overrides.get(table))
                .or(() -> Schedule.of(engine.spec(table)))
                .or(() -> Optional.ofNullable(defaultSchedule));
        if (schedule.isPresent()) {
          timings.put(table, timing(schedule.get(), zone));
        } else {
          log.info("{}: no schedule, not scheduled", table);
        }
      }
      Map<String, Timing> reconcileTimings = new LinkedHashMap<>();
      for (String table : engine.tables()) {
        Optional.ofNullable(reconcileOverrides.get(table))
            .or(() -> Schedule.reconcileOf(engine.spec(table)))
            .ifPresent(schedule -> reconcileTimings.put(table, timing(schedule, zone)));
      }
      SyncScheduler scheduler = new SyncScheduler(this, timings, reconcileTimings);
      scheduler.start();
      return scheduler;
    }
  }
}
