package dev.tablesync.runtime.metrics;

import dev.tablesync.runtime.SyncListener;
import java.time.Duration;
import java.util.Optional;

/**
 * An engine's metrics: batches, rows and failures as they happen, and the lag measured after each
 * run. Only Micrometer is supported; without it on the class path there are no metrics and no
 * Micrometer class is ever loaded.
 */
public interface EngineMetrics extends SyncListener {

  /** The Micrometer class whose presence turns metrics on. */
  String MICROMETER_CLASS = "io.micrometer.core.instrument.Metrics";

  /** A table's lag behind its source was measured. */
  void lagMeasured(String name, Duration lag);

  /**
   * Metrics on Micrometer's global registry when Micrometer is on the class path (a host adds its
   * own registries to {@code Metrics.globalRegistry}; Spring Boot does so by default), or none.
   */
  static Optional<EngineMetrics> ifAvailable() {
    try {
      Class.forName(MICROMETER_CLASS, false, EngineMetrics.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    return Optional.of(MicrometerMetrics.onGlobalRegistry());
  }
}
