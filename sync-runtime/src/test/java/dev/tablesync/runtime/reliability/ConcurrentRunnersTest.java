package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runners of one table in threads and in separate JVMs take turns batch by batch, and snapshot
 * chunk by chunk, on the target's cursor row: a trigger on the cursor table records each batch
 * and chunk, and each began where the one before it ended. A runner that finds the table busy
 * waits or skips, as configured.
 */
class ConcurrentRunnersTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 8, 1, 0, 0, 0, 777_000_000);

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void fourThreadsOnOneTableNeverInterleaveBatches(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      CursorHistory history = CursorHistory.install(items.target, route.target());
      items.insertItems(1, 6_000, 40, T0);
      List<Future<SyncResult>> runs = new ArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        for (int i = 0; i < 4; i++) {
          SyncEngine engine = items.engine().table(new ItemSync()).snapshot(false).build();
          runs.add(threads.submit(() -> engine.run("item")));
        }
        long written = 0;
        int runnersThatWrote = 0;
        for (Future<SyncResult> run : runs) {
          long rows = run.get(2, TimeUnit.MINUTES).rowsWritten();
          written += rows;
          runnersThatWrote += rows > 0 ? 1 : 0;
        }

        assertEquals(6_000, written, "every row written once, by one runner or another");
        assertTrue(runnersThatWrote >= 2, "the runners took turns: " + runnersThatWrote);
      } finally {
        threads.shutdownNow();
      }
      history.assertBatchesFollowedEachOther(6_000);
      items.assertSame("after four threads");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void twoThreadsTakeTurnsChunkByChunkThroughASnapshot(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      CursorHistory history = CursorHistory.install(items.target, route.target());
      items.insertItems(1, 6_000, 40, T0);
      SyncListener slowChunks =
          new SyncListener() {
            @Override
            public void batchCommitted(BatchReport batch) {
              pause(5); // lets the other runner take the lock between chunks
            }
          };
      List<Future<SyncResult>> runs = new ArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        for (int i = 0; i < 2; i++) {
          SyncEngine engine =
              items.engine().table(new ItemSync()).snapshotChunkSize(500).listener(slowChunks).build();
          runs.add(threads.submit(() -> engine.run("item")));
        }
        List<Long> written = new ArrayList<>();
        for (Future<SyncResult> run : runs) {
          written.add(run.get(2, TimeUnit.MINUTES).rowsWritten());
        }
        assertTrue(written.stream().allMatch(rows -> rows > 0), "the runners took turns: " + written);
      } finally {
        threads.shutdownNow();
      }
      // Every row once by a chunk, and the 40 at the high-water mark again by a batch.
      history.assertBatchesFollowedEachOther(6_040);
      items.assertSame("after a snapshot by two threads");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void twoProcessesAndAThreadOnOneTableNeverInterleaveBatches(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      CursorHistory history = CursorHistory.install(items.target, route.target());
      int total = 12_000;
      items.insertItems(1, total, 40, T0);
      List<String> args =
          List.of(
              "--source", TestDatabases.url(items.source),
              "--target", TestDatabases.url(items.target),
              "--pause-ms", "5",
              "--no-snapshot",
              ItemSync.class.getName());
      try (SyncProcess first = start(args, "runner-1");
          SyncProcess second = start(args, "runner-2")) {
        first.await(line -> line.startsWith("batch item "), Duration.ofSeconds(60));
        SyncResult here =
            items.engine().table(new ItemSync()).snapshot(false).build().run("item");

        List<Long> written = new ArrayList<>(List.of(here.rowsWritten()));
        for (SyncProcess process : List.of(first, second)) {
          String done =
              process.allLines(Duration.ofMinutes(2)).stream()
                  .filter(line -> line.startsWith("done item "))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("a runner did not finish"));
          written.add(Long.parseLong(done.split(" ")[2]));
        }

        assertEquals(total, written.stream().mapToLong(Long::longValue).sum(), "" + written);
        assertTrue(
            written.stream().filter(rows -> rows > 0).count() >= 2,
            "the runners took turns: " + written);
      }
      history.assertBatchesFollowedEachOther(total);
      items.assertSame("after two processes and a thread");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aRunnerThatFindsTheTableBusySkipsOrWaitsAsConfigured(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      SyncEngine skipping =
          items.engine().table(new ItemSync()).snapshot(false).whenBusy(BusyPolicy.SKIP).build();
      SyncEngine waiting =
          items.engine().table(new ItemSync()).snapshot(false).whenBusy(BusyPolicy.WAIT).build();
      skipping.run("item"); // creates the cursor row
      items.insertItems(1, 250, 10, T0);

      CompletableFuture<SyncResult> waited;
      try (Connection other = items.target.getConnection()) {
        other.setAutoCommit(false);
        try (PreparedStatement lock =
            other.prepareStatement(
                "SELECT rows_synced FROM tablesync_cursor WHERE sync_name = ? FOR UPDATE")) {
          lock.setString(1, "item");
          try (ResultSet row = lock.executeQuery()) {
            assertTrue(row.next(), "the cursor row exists");
          }
        }
        // This transaction holds the cursor row until it rolls back.
        SyncResult skipped = skipping.run("item");
        assertTrue(skipped.stoppedBusy(), "the skipping runner stopped");
        assertEquals(0, skipped.rowsWritten());

        waited = CompletableFuture.supplyAsync(() -> waiting.run("item"));
        assertThrows(TimeoutException.class, () -> waited.get(700, TimeUnit.MILLISECONDS));
        other.rollback();
      }
      SyncResult result = waited.get(1, TimeUnit.MINUTES);
      assertEquals(250, result.rowsWritten(), "the waiting runner went on when the lock was free");
      assertFalse(result.stoppedBusy());
      items.assertSame("after waiting");
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static SyncProcess start(List<String> args, String name) throws IOException {
    return SyncProcess.start(
        List.of(), args, Map.of(), Path.of("target", "sync-processes", name + ".log"));
  }
}
