package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.status.RunRecord;
import dev.tablesync.runtime.status.TableStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the health indicator and the endpoint show of one table, in plain values (times as
 * ISO-8601 text), whatever JSON mapper the application uses.
 *
 * @param table the sync's name
 * @param cursor the stored cursor as text, or null before the first batch
 * @param rowsSynced rows written over all runs
 * @param lag how far the cursor is behind the source's newest (ISO-8601, {@code PT2M}), or null
 *     when not known (nothing synced yet, or a cursor that is not a time)
 * @param lastRun the last run by any node, or null before the first
 * @param failuresInARow failed runs since the last success
 * @param latestError the message of the latest failed run, kept after later successes, or null
 * @param latestErrorAt when that run ended, or null
 */
public record TableView(
    String table,
    String cursor,
    long rowsSynced,
    String lag,
    LastRun lastRun,
    int failuresInARow,
    String latestError,
    String latestErrorAt) {

  /**
   * One run.
   *
   * @param outcome {@code SUCCEEDED} or {@code FAILED}
   * @param started when it started
   * @param finished when it ended
   * @param rowsWritten rows it committed
   * @param node the process that ran it ({@code pid@host})
   */
  public record LastRun(
      String outcome, String started, String finished, long rowsWritten, String node) {}

  static TableView of(TableStatus status) {
    RunRecord run = status.lastRun().orElse(null);
    return new TableView(
        status.name(),
        status.cursor() == null ? null : status.cursor().toString(),
        status.rowsSynced(),
        status.lag().map(Duration::toString).orElse(null),
        run == null
            ? null
            : new LastRun(
                run.outcome().name(),
                run.started().toString(),
                run.finished().toString(),
                run.rowsWritten(),
                run.node()),
        run == null ? 0 : run.failuresInARow(),
        run == null ? null : run.lastError(),
        run == null || run.lastErrorAt() == null ? null : run.lastErrorAt().toString());
  }

  /** The non-null values, in declaration order, as health details. */
  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("table", table);
    putUnlessNull(details, "lag", lag);
    putUnlessNull(details, "cursor", cursor);
    details.put("rowsSynced", rowsSynced);
    putUnlessNull(details, "lastRun", lastRun);
    details.put("failuresInARow", failuresInARow);
    putUnlessNull(details, "latestError", latestError);
    putUnlessNull(details, "latestErrorAt", latestErrorAt);
    return details;
  }

  private static void putUnlessNull(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
