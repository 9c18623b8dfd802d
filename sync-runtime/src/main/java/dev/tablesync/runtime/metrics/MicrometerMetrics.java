package dev.tablesync.runtime.metrics;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's meters, each tagged with the table's name:
 *
 * <ul>
 *   <li>{@value #ROWS_READ} and {@value #ROWS_WRITTEN}: counters of rows in committed batches;
 *   <li>{@value #BATCH}: a timer of each batch, from the previous commit (or the run's start) to
 *       its own commit;
 *   <li>{@value #FAILURES}: a counter of failed runs;
 *   <li>{@value #LAG}: a gauge of the lag behind the source measured after the last run, in
 *       seconds;
 *   <li>{@value #RECONCILE}: a timer of each reconciliation that finished;
 *   <li>{@value #RECONCILE_ROWS}: counters of the rows reconciliations found and did, tagged
 *       {@code kind} {@code missing}, {@code extra}, {@code different}, {@code repaired} or
 *       {@code deleted};
 *   <li>{@value #RECONCILE_FAILURES}: a counter of reconciliations that failed or refused.
 * </ul>
 *
 * {@link EngineMetrics#ifAvailable} creates it on the global registry after checking that
 * Micrometer is there; a host with a registry of its own (a Spring Boot application's) passes it
 * to {@link #on}.
 */
public final class MicrometerMetrics implements EngineMetrics {

  static final String ROWS_READ = "tablesync.rows.read";
  static final String ROWS_WRITTEN = "tablesync.rows.written";
  static final String BATCH = "tablesync.batch";
  static final String FAILURES = "tablesync.runs.failed";
  static final String LAG = "tablesync.lag";
  static final String RECONCILE = "tablesync.reconcile";
  static final String RECONCILE_ROWS = "tablesync.reconcile.rows";
  static final String RECONCILE_FAILURES = "tablesync.reconcile.failed";

  private final MeterRegistry registry;
  /**
   * The value behind each registry's lag gauge of each table. A registry keeps the first gauge
   * registered under a name and tags, so every engine on it must set that one's value: an engine
   * built again in the same JVM would otherwise move a value that no gauge reads.
   */
  private static final Map<MeterRegistry, Map<String, AtomicLong>> LAG_MILLIS =
      Collections.synchronizedMap(new WeakHashMap<>());
  /** The run's elapsed time at the previous batch's commit; a run stays on one thread. */
  private final ThreadLocal<Duration> previousCommit = ThreadLocal.withInitial(() -> Duration.ZERO);

  private MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  static EngineMetrics onGlobalRegistry() {
    return on(Metrics.globalRegistry);
  }

  /** The engine's meters on {@code registry}. */
  public static EngineMetrics on(MeterRegistry registry) {
    return new MicrometerMetrics(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void batchCommitted(BatchReport batch) {
    Counter.builder(ROWS_READ)
        .tag("table", batch.name())
        .register(registry)
        .increment(batch.rowsRead());
    Counter.builder(ROWS_WRITTEN)
        .tag("table", batch.name())
        .register(registry)
        .increment(batch.rows());
    Timer.builder(BATCH)
        .tag("table", batch.name())
        .register(registry)
        .record(batch.elapsed().minus(previousCommit.get()));
    previousCommit.set(batch.elapsed());
  }

  @Override
  public void runFinished(SyncResult result) {
    previousCommit.remove();
  }

  @Override
  public void runFailed(String name, SyncException failure) {
    previousCommit.remove();
    Counter.builder(FAILURES).tag("table", name).register(registry).increment();
  }

  @Override
  public void reconcileFinished(ReconcileResult result) {
    Timer.builder(RECONCILE).tag("table", result.name()).register(registry).record(result.duration());
    long[] counts = {
      result.missing(), result.extra(), result.different(), result.repaired(), result.deleted()
    };
    String[] kinds = {"missing", "extra", "different", "repaired", "deleted"};
    for (int i = 0; i < kinds.length; i++) {
      Counter.builder(RECONCILE_ROWS)
          .tag("table", result.name())
          .tag("kind", kinds[i])
          .register(registry)
          .increment(counts[i]);
    }
  }

  @Override
  public void reconcileFailed(String name, SyncException failure) {
    Counter.builder(RECONCILE_FAILURES).tag("table", name).register(registry).increment();
  }

  @Override
  public void lagMeasured(String name, Duration lag) {
    LAG_MILLIS.computeIfAbsent(registry, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            name,
            table -> {
              AtomicLong millis = new AtomicLong();
              Gauge.builder(LAG, millis, value -> value.get() / 1000.0)
                  .tag("table", table)
                  .baseUnit("seconds")
                  .register(registry);
              return millis;
            })
        .set(lag.toMillis());
  }
}
