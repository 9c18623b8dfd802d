package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.Dialect;
import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Every statement one table needs, rendered once when the engine starts, and the dialects that
 * judge its errors.
 *
 * @param firstRead the read of a sync with no stored position
 * @param nextRead the read after a stored position
 * @param fromCursorRead the read from the start of a stored cursor, where a snapshot hands over
 * @param keyedRead the read of one source row by its key, for retrying dead letters
 * @param targetColumns a query of the target table's column sizes, for naming a rejected column
 * @param sourceClock the query of the source's current time, used when the table has a lag: its
 *     local time for a local date-time cursor, UTC for an instant
 * @param newestCursor the query of the source's newest cursor, for status views
 * @param source the source's dialect
 * @param target the target's dialect
 */
record TablePlan(
    KeysetSelect firstRead,
    KeysetSelect nextRead,
    KeysetSelect fromCursorRead,
    String keyedRead,
    String targetColumns,
    String sourceClock,
    String newestCursor,
    Dialect source,
    Dialect target) {

  /** The cursor types a lag behind the source clock can bound. */
  private static final Set<Class<?>> TIME_CURSORS =
      Set.of(LocalDateTime.class, OffsetDateTime.class, Instant.class);

  /** The cursor types that are instants, compared with the source clock in UTC. */
  private static final Set<Class<?>> INSTANT_CURSORS = Set.of(OffsetDateTime.class, Instant.class);

  /**
   * @throws IllegalStateException when the table has a lag but its cursor is not a date-time
   */
  static TablePlan of(TableSpec table, Dialect source, Dialect target) {
    boolean lag = table.lagSeconds() > 0;
    if (lag && !TIME_CURSORS.contains(table.cursor().javaType())) {
      throw new IllegalStateException(
          table.name() + ": lagSeconds needs a date-time cursor (LocalDateTime, OffsetDateTime or"
              + " Instant) to compare with the source clock; the cursor "
              + table.cursor().name() + " is " + table.cursor().javaType().getName());
    }
    return new TablePlan(
        source.keysetSelect(table, false, lag),
        source.keysetSelect(table, true, lag),
        source.keysetSelectFromCursor(table, lag),
        source.keyedSelect(table),
        target.targetColumns(table),
        INSTANT_CURSORS.contains(table.cursor().javaType())
            ? source.currentUtcTimestampQuery()
            : source.currentTimestampQuery(),
        source.newestCursorQuery(table),
        source,
        target);
  }

  /** The keyset read after {@code stored}, a stored position, or from the start when null. */
  KeysetSelect readAfter(Position stored) {
    if (stored == null) {
      return firstRead;
    }
    return stored.isStartOfCursor() ? fromCursorRead : nextRead;
  }

  /**
   * What {@code error} means, by the judgment of both databases, since a batch's errors may come
   * from either: transient if either says so, else bad data if either says so.
   */
  ErrorKind classify(SQLException error) {
    ErrorKind bySource = source.classify(error);
    ErrorKind byTarget = target.classify(error);
    for (ErrorKind kind : new ErrorKind[] {ErrorKind.TRANSIENT, ErrorKind.BAD_DATA}) {
      if (bySource == kind || byTarget == kind) {
        return kind;
      }
    }
    return ErrorKind.OTHER;
  }
}
