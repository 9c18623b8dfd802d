package dev.tablesync.sample.cli;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.schedule.Schedule;
import dev.tablesync.runtime.schedule.ScheduledRun;
import dev.tablesync.runtime.schedule.SyncScheduler;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Keeps the sample's tables synced on their schedules until stopped, printing one line per run.
 * Ctrl-C stops gracefully: runs in flight commit their current batch and end.
 */
@Command(
    name = "run",
    description = "Keep syncing tables on their schedules until stopped; Ctrl-C stops gracefully.",
    mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  @Mixin DataSourceOptions dataSources;

  @Option(
      names = "--every",
      paramLabel = "SCHEDULE",
      description = "Schedule of tables whose annotation has none: an interval (30s, 5m, PT1M)"
          + " or a cron expression (default: ${DEFAULT-VALUE}).")
  String every = "1m";

  @Option(
      names = "--schedule",
      paramLabel = "TABLE=SCHEDULE",
      description = "A table's schedule instead of its annotation's, e.g. supplier=30s or"
          + " 'material=0 0/5 * * * ?'; repeat for several tables.")
  Map<String, String> schedules = new LinkedHashMap<>();

  @Option(
      names = "--stop-timeout",
      paramLabel = "DURATION",
      description = "How long a stop waits for runs in flight, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration stopTimeout = Duration.ofMinutes(1);

  private final PrintStream out;
  private final RunTally tally = new RunTally();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  public RunCommand(Output output) {
    this.out = output.out();
  }

  @Override
  public Integer call() throws InterruptedException {
    // Ctrl-C runs the hook: it asks for the stop and holds the JVM until the runs have ended.
    Thread hook =
        new Thread(
            () -> {
              requestStop();
              awaitQuietly(stopped, stopTimeout.plusSeconds(5));
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try (OpenDataSources open = dataSources.open()) {
      SyncEngine engine = dataSources.engine(open).listener(tally).build();
      new TableChecks(engine, open).requireAll(engine.tables());
      SyncScheduler.Builder builder =
          SyncScheduler.builder(engine).defaultSchedule(Schedule.parse(every)).onRun(this::print);
      schedules.forEach((table, schedule) -> builder.schedule(table, Schedule.parse(schedule)));
      SyncScheduler scheduler = builder.start();
      scheduler.schedules().forEach((table, schedule) -> out.printf("%-10s %s%n", table, schedule));
      out.println("running; Ctrl-C stops after the batches in flight commit");

      stopRequested.await();
      boolean graceful = scheduler.stop(stopTimeout);
      out.println(
          graceful
              ? "stopped: every run in flight committed its batch and ended"
              : "stopped after " + stopTimeout + ": runs still going were cut short and their"
                  + " batch rolled back");
      return graceful ? 0 : 1;
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what stopped us
      }
    }
  }

  /** Stops the command as Ctrl-C does. */
  public void requestStop() {
    stopRequested.countDown();
  }

  private void print(ScheduledRun run) {
    RunPhases phases = tally.end(run.table());
    String next = run.nextRun().map(at -> ", next " + TIME.format(at)).orElse("");
    if (run.result().isPresent()) {
      SyncResult result = run.result().get();
      out.printf(
          "%s %-10s %s, %.1f s, cursor %s%s%s%n",
          TIME.format(Instant.now()),
          run.table(),
          phases.describe(),
          result.duration().toMillis() / 1e3,
          result.cursor() == null ? "none yet" : result.cursor(),
          result.rowsDeadLettered() == 0
              ? ""
              : String.format(", %,d rows set aside as dead letters", result.rowsDeadLettered()),
          next);
    } else {
      // The engine's message names the stored cursor: the next try goes on from there.
      out.printf(
          "%s %-10s FAILED (%s): %s%s%n",
          TIME.format(Instant.now()),
          run.table(),
          run.failuresInARow() == 1 ? "first failure" : run.failuresInARow() + " in a row",
          run.failure().map(Throwable::getMessage).orElse(""),
          run.nextRun().map(at -> "; next try " + TIME.format(at)).orElse(""));
    }
    out.flush();
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
