package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
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
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  public RunCommand(PrintStream out) {
    this.out = out;
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
    try (HikariDataSource source = dataSources.openSource();
        HikariDataSource target = dataSources.openTarget()) {
      SyncEngine engine = dataSources.engine(source, target).build();
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
    String next = run.nextRun().map(at -> ", next " + TIME.format(at)).orElse("");
    if (run.result().isPresent()) {
      SyncResult result = run.result().get();
      out.printf(
          "%s %-10s %,d rows in %d %s, %.1f s, cursor %s%s%n",
          TIME.format(Instant.now()),
          run.table(),
          result.rowsWritten(),
          result.batches(),
          result.batches() == 1 ? "batch" : "batches",
          result.duration().toMillis() / 1e3,
          result.cursor(),
          next);
    } else {
      out.printf(
          "%s %-10s FAILED (%d in a row): %s%s%n",
          TIME.format(Instant.now()),
          run.table(),
          run.failuresInARow(),
          run.failure().map(Throwable::getMessage).orElse(""),
          next);
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
