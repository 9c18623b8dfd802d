package dev.tablesync.runtime.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.spi.TableSync;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A sync in a JVM of its own, to kill or to run beside others. The child ({@link #main}) runs
 * the given tables once and reports on standard output, one line each:
 *
 * <pre>
 * batch NAME BATCH ROWS_IN_RUN     after each committed batch
 * done NAME ROWS_WRITTEN BUSY      after a run that caught up (BUSY: stopped, table busy)
 * failed NAME MESSAGE              after a run that failed
 * range NAME PAGES                   after each committed range of a reconciliation
 * reconciled NAME DELETED            after a reconciliation that finished
 * </pre>
 *
 * <p>Its arguments: {@code --source URL --target URL [--pause-ms N] [--skip-busy] [--no-snapshot]
 * [--snapshot-chunk N] [--reconcile RANGE_SIZE]} (reconcile each table instead of running it) and the generated syncer classes to run. The environment variable {@code TABLESYNC_TARGET_PASSWORD},
 * when set, is passed to the target's driver as a property. Its logs go to standard error.
 */
final class SyncProcess implements AutoCloseable {

  private final Process process;
  private final Thread reader;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private SyncProcess(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (IOException ended) {
                // The process was killed; what it printed is in the queue.
              }
            },
            "sync-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a child JVM on the test class path with {@code args}, {@code environment} added to
   * its environment, and its standard error (its logs) in {@code log}. JVM options go in {@code
   * jvmOptions}. The caller must {@link #close} it.
   */
  static SyncProcess start(
      List<String> jvmOptions, List<String> args, Map<String, String> environment, Path log)
      throws IOException {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these JVMs live seconds
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(SyncProcess.class.getName());
    command.addAll(args);
    log.toFile().getParentFile().mkdirs();
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.environment().putAll(environment);
    return new SyncProcess(builder.start());
  }

  /**
   * Waits for a line that {@code wanted} accepts, keeping every line read on the way.
   *
   * @throws AssertionError when none comes within {@code timeout} or the process ends first
   */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(50, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (wanted.test(line)) {
          return line;
        }
      } else if (!process.isAlive() && lines.isEmpty()) {
        throw new AssertionError("the sync process ended first; its output: " + seen);
      }
    }
    throw new AssertionError("no awaited line within " + timeout + "; its output: " + seen);
  }

  /** Every line printed, after the process ended. */
  List<String> allLines(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the sync process did not end within " + timeout);
    }
    reader.join(timeout.toMillis());
    lines.drainTo(seen);
    return List.copyOf(seen);
  }

  /** Kills the process at once: SIGKILL on Linux, so nothing of it runs after this. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }

  /** The child's side. */
  public static void main(String[] args) throws Exception {
    String sourceUrl = null;
    String targetUrl = null;
    long pauseMillis = 0;
    BusyPolicy whenBusy = BusyPolicy.WAIT;
    boolean snapshot = true;
    int snapshotChunk = SyncEngine.DEFAULT_SNAPSHOT_CHUNK_SIZE;
    int reconcileRange = 0;
    List<TableSync<?>> tables = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--source" -> sourceUrl = args[++i];
        case "--target" -> targetUrl = args[++i];
        case "--pause-ms" -> pauseMillis = Long.parseLong(args[++i]);
        case "--skip-busy" -> whenBusy = BusyPolicy.SKIP;
        case "--no-snapshot" -> snapshot = false;
        case "--snapshot-chunk" -> snapshotChunk = Integer.parseInt(args[++i]);
        case "--reconcile" -> reconcileRange = Integer.parseInt(args[++i]);
        default -> tables.add(
            (TableSync<?>) Class.forName(args[i]).getDeclaredConstructor().newInstance());
      }
    }
    long pause = pauseMillis;
    int[] ranges = {0};
    try (HikariDataSource source = pool(sourceUrl, null);
        HikariDataSource target = pool(targetUrl, System.getenv("TABLESYNC_TARGET_PASSWORD"))) {
      SyncEngine.Builder builder =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .whenBusy(whenBusy)
              .snapshot(snapshot)
              .snapshotChunkSize(snapshotChunk)
              .reconcileRangeSize(Math.max(1, reconcileRange))
              .listener(
                  new SyncListener() {
                    @Override
                    public void batchCommitted(BatchReport batch) {
                      System.out.println(
                          "batch " + batch.name() + " " + batch.batch() + " " + batch.rowsInRun());
                      System.out.flush();
                      sleep(pause);
                    }

                    @Override
                    public void reconcileProgress(ReconcileResult soFar) {
                      System.out.println("range " + soFar.name() + " " + (++ranges[0]));
                      System.out.flush();
                      sleep(pause);
                    }
                  });
      tables.forEach(builder::table);
      SyncEngine engine = builder.build();
      for (TableSync<?> table : tables) {
        String name = table.spec().name();
        try {
          if (reconcileRange > 0) {
            System.out.println("reconciled " + name + " " + engine.reconcile(name).deleted());
          } else {
            SyncResult result = engine.run(name);
            System.out.println(
                "done " + name + " " + result.rowsWritten() + " " + result.stoppedBusy());
          }
        } catch (SyncException e) {
          System.out.println("failed " + name + " " + e.getMessage().replace('\n', ' '));
        }
        System.out.flush();
      }
    }
  }

  private static HikariDataSource pool(String url, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    if (password != null) {
      config.setPassword(password);
    }
    return new HikariDataSource(config);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
