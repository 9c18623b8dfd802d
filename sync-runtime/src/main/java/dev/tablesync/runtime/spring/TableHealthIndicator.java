package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.status.TableStatus;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of one table: down when it failed {@code tablesync.health.failures-in-a-row} runs in
 * a row, or lags more than {@code tablesync.health.max-lag}; its details are the table's {@link
 * TableView}, with the reason when down. A status that cannot be read (a database down) is down
 * with the error.
 */
class TableHealthIndicator extends AbstractHealthIndicator {

  private final SyncEngine engine;
  private final String table;
  private final TableSyncProperties.Health thresholds;

  TableHealthIndicator(SyncEngine engine, String table, TableSyncProperties.Health thresholds) {
    super("TableSync status of table '" + table + "' unavailable");
    this.engine = engine;
    this.table = table;
    this.thresholds = thresholds;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    TableStatus status = engine.status(table);
    TableView view = TableView.of(status);
    builder.withDetails(view.details());
    Optional<String> down = downBecause(view.failuresInARow(), status.lag());
    if (down.isPresent()) {
      builder.down().withDetail("reason", down.get());
    } else {
      builder.up();
    }
  }

  private Optional<String> downBecause(int failuresInARow, Optional<Duration> lag) {
    if (failuresInARow >= thresholds.getFailuresInARow()) {
      return Optional.of(failuresInARow + " failed runs in a row (down from "
          + thresholds.getFailuresInARow() + ")");
    }
    Duration maxLag = thresholds.getMaxLag();
    if (maxLag != null && lag.isPresent() && lag.get().compareTo(maxLag) > 0) {
      return Optional.of("lag " + lag.get() + " exceeds " + maxLag);
    }
    return Optional.empty();
  }
}
