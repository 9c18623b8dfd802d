package dev.tablesync.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a run retries a batch that failed with a transient error (a deadlock, a lock wait timeout,
 * a lost connection): on new connections, after a pause that doubles with each failed attempt up
 * to a cap, with a random part so that runners that failed together do not retry together. Other
 * errors fail the run at once. The count starts over after each committed batch.
 *
 * @param maxAttempts attempts of one batch, the first included; 1 never retries
 * @param firstPause the pause after the first failed attempt, before its jitter
 * @param maxPause the longest pause
 */
public record RetryPolicy(int maxAttempts, Duration firstPause, Duration maxPause) {

  /** Five attempts, pausing about 0.2, 0.4, 0.8 and 1.6 seconds between them. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

  /** Fail at the first error of any kind. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    Objects.requireNonNull(firstPause, "firstPause");
    Objects.requireNonNull(maxPause, "maxPause");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (firstPause.isNegative() || maxPause.compareTo(firstPause) < 0) {
      throw new IllegalArgumentException(
          "pauses must satisfy 0 <= firstPause <= maxPause, were " + firstPause + " and "
              + maxPause);
    }
  }

  /**
   * The pause after {@code failedAttempts} attempts failed: {@code firstPause * 2^(failedAttempts
   * - 1)}, capped at {@code maxPause}, of which a random part up to half is left out.
   */
  public Duration pauseAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    long cap = maxPause.toNanos();
    long pause = Math.min(firstPause.toNanos(), cap);
    for (int failed = 1; failed < failedAttempts && pause < cap; failed++) {
      pause = Math.min(pause * 2, cap);
    }
    long jitter = ThreadLocalRandom.current().nextLong(pause / 2 + 1);
    return Duration.ofNanos(pause - jitter);
  }
}
