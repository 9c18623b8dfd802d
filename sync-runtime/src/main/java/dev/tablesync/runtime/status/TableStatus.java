package dev.tablesync.runtime.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where one table stands.
 *
 * @param name the sync's name
 * @param lastRun the last run by any process, with its outcome and the latest error; empty
 *     before the first run
 * @param cursor the stored cursor, or null before the first batch
 * @param rowsSynced rows written over all runs
 * @param sourceNewest the newest cursor in the source, or null when the source has no rows
 * @param lastReconcile the last reconciliation by any process: when, what it found and did; empty
 *     before the first
 */
public record TableStatus(
    String name,
    Optional<RunRecord> lastRun,
    Object cursor,
    long rowsSynced,
    Object sourceNewest,
    Optional<ReconcileRecord> lastReconcile) {

  /**
   * How far the stored cursor is behind the source's newest: zero when the source has no rows
   * or nothing newer; empty when nothing was synced yet, or when the cursor is not a time (a
   * version number), in which case compare {@link #cursor} with {@link #sourceNewest}.
   */
  public Optional<Duration> lag() {
    return lag(cursor, sourceNewest);
  }

  /** How far {@code cursor} is behind {@code sourceNewest}; see {@link #lag()}. */
  public static Optional<Duration> lag(Object cursor, Object sourceNewest) {
    if (sourceNewest == null) {
      return Optional.of(Duration.ZERO);
    }
    if (cursor == null) {
      return Optional.empty();
    }
    Duration behind;
    if (cursor instanceof LocalDateTime ours && sourceNewest instanceof LocalDateTime newest) {
      behind = Duration.between(ours, newest);
    } else if (cursor instanceof OffsetDateTime ours
        && sourceNewest instanceof OffsetDateTime newest) {
      behind = Duration.between(ours, newest);
    } else if (cursor instanceof Instant ours && sourceNewest instanceof Instant newest) {
      behind = Duration.between(ours, newest);
    } else if (cursor instanceof LocalDate ours && sourceNewest instanceof LocalDate newest) {
      behind = Duration.ofDays(ChronoUnit.DAYS.between(ours, newest));
    } else {
      return Optional.empty();
    }
    // Rows can leave the source or its query; a cursor past the newest row is not behind.
    return Optional.of(behind.isNegative() ? Duration.ZERO : behind);
  }
}
