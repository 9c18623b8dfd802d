package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.RetryPolicy;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transient errors from real servers (a lock wait timeout, a connection killed by the server) are
 * retried with growing pauses until the batch goes through or the attempts run out; other errors
 * fail at once. Each is logged with the table, the cursor and the attempt.
 */
class RetryTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 9, 1, 10, 0, 0, 10_000_000);

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  /**
   * The target waits at most a second for a row lock (MariaDB error 1205, PostgreSQL 55P03).
   * While a transaction holds the lock, two attempts fail; with more attempts, the run gets
   * through once the lock is released.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aLockWaitTimeoutIsRetriedUntilTheLockIsFree(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      DataSource impatientTarget =
          databases.withSessionSql(
              items.target,
              route.target().product() == TestServer.Product.POSTGRESQL
                  ? "SET lock_timeout = '1s'"
                  : "SET SESSION innodb_lock_wait_timeout = 1");
      items.insertItems(1, 50, 10, T0);
      SyncEngine.Builder builder =
          SyncEngine.builder()
              .dataSource("source", items.source)
              .dataSource("target", impatientTarget)
              .table(new ItemSync());
      SyncEngine twoAttempts =
          builder.retry(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100))).build();
      SyncEngine tenAttempts =
          builder.retry(new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1))).build();
      twoAttempts.run("item");
      Sql.execute(
          items.source,
          "UPDATE item SET name = 'renamed', changed_at = ? WHERE id = 7",
          T0.plusDays(1));

      try (LogCapture logs = new LogCapture();
          Connection holder = items.target.getConnection()) {
        holder.setAutoCommit(false);
        try (PreparedStatement hold =
            holder.prepareStatement("UPDATE item_copy SET name = 'held' WHERE id = 7")) {
          hold.executeUpdate();
        }
        SyncException gaveUp = assertThrows(SyncException.class, () -> twoAttempts.run("item"));
        assertTrue(
            gaveUp.getMessage().contains("failed on attempt 2 of 2 (transient error)"),
            gaveUp.getMessage());

        CompletableFuture<SyncResult> run =
            CompletableFuture.supplyAsync(() -> tenAttempts.run("item"));
        Thread.sleep(2_500);
        holder.rollback();
        assertEquals(1, run.get(1, TimeUnit.MINUTES).rowsWritten());

        String retried =
            "item: attempt 1 of 10 failed at cursor (" + T0.plusSeconds(4) + ", 50)"
                + " (transient error, retrying in ";
        assertTrue(logs.text().contains(retried), retried + " in\n" + logs.text());
        assertTrue(logs.text().contains("item: failed on attempt 2 of 2 (transient error)"));
      }
      items.assertSame("after the lock was released");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aConnectionKilledByTheServerIsReplacedAndTheRunGoesOn(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 500, 25, T0);
      AtomicBoolean killed = new AtomicBoolean();
      SyncListener killer =
          new SyncListener() {
            @Override
            public void batchCommitted(BatchReport batch) {
              if (batch.batch() == 2 && !killed.getAndSet(true)) {
                killOtherConnections(items.target, route.target());
              }
            }
          };
      SyncEngine engine =
          items
              .engine()
              .table(new ItemSync())
              .listener(killer)
              .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(50)))
              .snapshot(false) // counts the rows and positions of batches
              .build();

      try (LogCapture logs = new LogCapture()) {
        SyncResult result = engine.run("item");

        assertTrue(killed.get());
        assertEquals(500, result.rowsWritten());
        String retried = "item: attempt 1 of 3 failed at cursor (" + T0.plusSeconds(7) + ", 200)";
        assertTrue(logs.text().contains(retried), retried + " in\n" + logs.text());
      }
      items.assertSame("after the connection was killed");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void anErrorThatNoRetryCanFixFailsAtOnce(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 150, 150, T0);
      SyncEngine engine =
          items
              .engine()
              .table(new ItemSync())
              .retry(new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(30)))
              .build();
      engine.run("item");
      Sql.execute(items.target, "ALTER TABLE item_copy DROP COLUMN price");
      items.insertItems(151, 10, 10, T0.plusMinutes(1));

      try (LogCapture logs = new LogCapture()) {
        long started = System.nanoTime();
        SyncException e = assertThrows(SyncException.class, () -> engine.run("item"));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).getSeconds() < 30, "no pause");
        String failed = "item: failed on attempt 1, not retried (not a transient error): ";
        assertTrue(e.getMessage().startsWith(failed), e.getMessage());
        assertTrue(e.getMessage().endsWith("(stored cursor: (" + T0 + ", 150))"), e.getMessage());
        String logged = "ERROR dev.tablesync.runtime.engine.TableRunner - " + failed;
        assertTrue(logs.text().contains(logged), logs.text());
      }
    }
  }

  @Test
  void pausesDoubleUpToTheCapWithUpToHalfLeftOutAtRandom() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1_000));
    long[] full = {100, 200, 400, 800, 1_000, 1_000};
    for (int failed = 1; failed <= full.length; failed++) {
      long shortest = Long.MAX_VALUE;
      long longest = 0;
      for (int sample = 0; sample < 500; sample++) {
        long pause = policy.pauseAfter(failed).toNanos();
        shortest = Math.min(shortest, pause);
        longest = Math.max(longest, pause);
      }
      long cap = Duration.ofMillis(full[failed - 1]).toNanos();
      assertTrue(shortest >= cap / 2 && longest <= cap, "pauses after " + failed + " failures");
      assertTrue(longest - shortest > cap / 4, "jitter after " + failed + " failures");
    }
    assertThrows(
        IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  /** Ends every connection to {@code database} but the one asking, as an administrator would. */
  private static void killOtherConnections(DataSource database, TestServer server) {
    if (server.product() == TestServer.Product.POSTGRESQL) {
      Sql.query(
          database,
          // Waits up to five seconds for each to end (PostgreSQL 14 and later).
          "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()",
          rs -> rs.getBoolean(1));
    } else {
      List<Long> others =
          Sql.query(
              database,
              "SELECT id FROM information_schema.processlist"
                  + " WHERE db = DATABASE() AND id <> CONNECTION_ID()",
              rs -> rs.getLong(1));
      for (long other : others) {
        Sql.execute(database, "KILL CONNECTION ?", other);
      }
    }
  }
}
