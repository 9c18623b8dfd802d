package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.RetryPolicy;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.Shipment;
import dev.tablesync.runtime.tables.ShipmentSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes at every point of a run lose nothing: a fault injected at each JDBC step of batches and
 * of snapshot chunks (before the call reaches the server, and after the server did the work), and
 * a sync process killed with SIGKILL mid-run, in a snapshot and in batches. After each, the cursor
 * is never ahead of the data, and a new run makes the target equal to the source, going on from
 * where the last commit left it. The class prints the tally of every fault.
 *
 * <p>PostgreSQL's {@code COPY} runs on the driver's own connection, unwrapped, so it is not a step
 * here; the statements around it are.
 */
class CrashRecoveryTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 12, 0, 0, 250_000_000);

  private static final AtomicLong faultsInjected = new AtomicLong();
  private static final AtomicLong runsRecovered = new AtomicLong();
  private static final AtomicLong rowsLost = new AtomicLong();
  private static final AtomicLong rowsDuplicated = new AtomicLong();

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @AfterAll
  static void printTheTally() {
    System.out.println(
        "reliability: faults injected " + faultsInjected + ", runs recovered " + runsRecovered
            + ", rows lost " + rowsLost + ", rows duplicated " + rowsDuplicated);
    assertEquals(faultsInjected.get(), runsRecovered.get(), "every fault is followed by recovery");
    assertEquals(0, rowsLost.get(), "rows lost");
    assertEquals(0, rowsDuplicated.get(), "rows duplicated");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aFaultAtAnyJdbcStepOfARunLosesNothing(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Shipment> shipments = SyncedTable.shipments(route, databases);
      FaultPlan faults = new FaultPlan();
      AtomicInteger stepsInRun = new AtomicInteger();
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", faults.wrap("source", shipments.source))
              .dataSource("target", faults.wrap("target", shipments.target))
              .table(new ShipmentSync())
              .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
              .listener(
                  new SyncListener() {
                    @Override
                    public void runFinished(SyncResult result) {
                      stepsInRun.set(faults.steps().size());
                    }
                  })
              .build();
      // Each round changes ten rows at one new time: three batches of 4, 4 and 2 rows. The
      // first run also adds the cursor row; the second takes the steps that every later one does.
      // What the engine does after a run (its record, the lag) is best effort, not the run's.
      changeTenShipments(shipments, 0);
      engine.run("shipment");
      changeTenShipments(shipments, 1);
      faults.reset();
      engine.run("shipment");
      List<String> steps = faults.steps().subList(0, stepsInRun.get());
      shipments.assertSame("runs without faults");

      strikeEveryStep(engine, faults, shipments, steps, 2, CrashRecoveryTest::changeTenShipments);
    }
  }

  /**
   * Strikes each of {@code steps} in turn, with each kind and timing of fault, in a run after
   * {@code nextRound} changed the source (rounds from {@code firstRound} on); checks that the run recovers by itself from a
   * transient fault and fails at any other, that the cursor is never ahead of the data, and that
   * a new run after a failure makes the target equal to the source.
   */
  private static void strikeEveryStep(
      SyncEngine engine,
      FaultPlan faults,
      SyncedTable<Shipment> shipments,
      List<String> steps,
      int firstRound,
      ObjIntConsumer<SyncedTable<Shipment>> nextRound) {
    // Creating the cursor table is tried once more when it fails, on purpose: faults there pass.
    int creatingSteps = steps.indexOf("target: executeQuery");
    int round = firstRound;
    for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
      for (FaultPlan.Timing timing : FaultPlan.Timing.values()) {
        for (int step = 0; step < steps.size(); step++) {
          String fault = "step " + step + " of " + steps + ", " + timing + ", " + kind;
          nextRound.accept(shipments, round++);
          faults.failAt(step, timing, kind);
          boolean failed = runFails(engine);
          assertNotNull(faults.injected(), "not reached: " + fault);
          faults.reset();
          faultsInjected.incrementAndGet();
          if (kind == FaultPlan.Kind.TRANSIENT || step < creatingSteps) {
            assertFalse(failed, "the run recovers by itself from " + fault);
          } else {
            assertTrue(failed, "the run fails at " + fault);
          }
          shipments.assertCursorNotAhead(fault);
          shipments.assertNothingAfterCursor(fault);
          if (failed) {
            engine.run("shipment");
          }
          recovered(shipments, fault);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aFaultAtAnyJdbcStepOfASnapshotLosesNothingAndTheNextRunResumesIt(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Shipment> shipments = SyncedTable.shipments(route, databases);
      FaultPlan faults = new FaultPlan();
      AtomicInteger stepsInSnapshot = new AtomicInteger();
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", faults.wrap("source", shipments.source))
              .dataSource("target", faults.wrap("target", shipments.target))
              .table(new ShipmentSync())
              .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
              .snapshotChunkSize(4)
              .listener(
                  new SyncListener() {
                    @Override
                    public void batchCommitted(BatchReport batch) {
                      if (batch.snapshotKey() != null && batch.cursor() != null) {
                        stepsInSnapshot.set(faults.steps().size()); // it handed over
                      }
                    }
                  })
              .build();
      // Ten rows of one change time: a snapshot in chunks of 4, 4 and 2 rows, then the batches
      // at its high-water mark, which read all ten again. The first run creates the cursor table.
      // Each chunk reads the next on a second thread: source and target steps interleave in an
      // order that varies, but the steps are the same, and each is struck once.
      changeTenShipments(shipments, 0);
      engine.run("shipment");
      restartTheSnapshot(shipments);
      faults.reset();
      engine.run("shipment");
      List<String> steps = faults.steps().subList(0, stepsInSnapshot.get());
      shipments.assertSame("snapshots without faults");

      int creatingSteps = steps.indexOf("target: executeQuery");
      for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
        for (FaultPlan.Timing timing : FaultPlan.Timing.values()) {
          for (int step = 0; step < steps.size(); step++) {
            String fault = "step " + step + " of " + steps + ", " + timing + ", " + kind;
            restartTheSnapshot(shipments);
            faults.failAt(step, timing, kind);
            boolean failed = runFails(engine);
            assertNotNull(faults.injected(), "not reached: " + fault);
            faults.reset();
            faultsInjected.incrementAndGet();
            if (kind == FaultPlan.Kind.TRANSIENT || step < creatingSteps) {
              assertFalse(failed, "the run recovers by itself from " + fault);
            } else {
              assertTrue(failed, "the run fails at " + fault);
            }
            shipments.assertCursorNotAhead(fault);
            if (failed) {
              long copied = shipments.targetRows().size();
              long reread = shipments.sourceRows().size();
              boolean handedOver = shipments.storedPosition().isPresent();
              assertEquals(
                  handedOver ? reread : 10 - copied + reread,
                  engine.run("shipment").rowsRead(),
                  fault + ": the next run goes on from the last chunk committed");
            }
            recovered(shipments, fault);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aFaultAtAnyJdbcStepOfABacklogChunkLosesNothing(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Shipment> shipments = SyncedTable.shipments(route, databases);
      FaultPlan faults = new FaultPlan();
      AtomicInteger stepsInRun = new AtomicInteger();
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", faults.wrap("source", shipments.source))
              .dataSource("target", faults.wrap("target", shipments.target))
              .table(new ShipmentSync())
              .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
              .snapshot(false)
              .backlogChunkSize(5)
              .listener(
                  new SyncListener() {
                    @Override
                    public void runFinished(SyncResult result) {
                      stepsInRun.set(faults.steps().size());
                    }
                  })
              .build();
      // Each round changes all 14 rows at one new time: two batches of 4, then a chunk of 5
      // through the staged bulk path, then a short chunk of 1, upserted. The first mass update
      // finds that loading only new keys no longer works (MySQL, MariaDB): the steps are the
      // second's.
      for (int round = 0; round < 2; round++) {
        massUpdate(shipments, round);
        engine.run("shipment");
      }
      massUpdate(shipments, 2);
      faults.reset();
      engine.run("shipment");
      List<String> steps = faults.steps().subList(0, stepsInRun.get());
      shipments.assertSame("runs without faults");

      strikeEveryStep(engine, faults, shipments, steps, 3, CrashRecoveryTest::massUpdate);
    }
  }

  /** Inserts 14 rows in round 0; later rounds change every one of them at a new time. */
  private static void massUpdate(SyncedTable<Shipment> shipments, int round) {
    LocalDateTime changedAt = T0.plusSeconds(round).plusNanos(round * 1_000L);
    if (round == 0) {
      Sql.batch(
          shipments.source,
          "INSERT INTO shipment (id, label, weight, changed_at) VALUES (?, ?, ?, ?)",
          1,
          14,
          id -> List.of(id, "parcel " + id, (int) id * 3, changedAt));
    } else {
      Sql.execute(
          shipments.source, "UPDATE shipment SET weight = weight + 1, changed_at = ?", changedAt);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aSyncProcessKilledMidRunLosesNothing(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      SyncEngine engine = items.engine().table(new ItemSync()).build();
      int perRound = 3_000;
      // The first kill strikes a snapshot, in chunks of 500; the others strike batches.
      for (int kill = 0; kill < 3; kill++) {
        items.insertItems(kill * perRound + 1L, perRound, 100, T0.plusMinutes(kill));
        String context = "kill " + kill;
        try (SyncProcess child =
            SyncProcess.start(
                List.of(),
                List.of(
                    "--source", TestDatabases.url(items.source),
                    "--target", TestDatabases.url(items.target),
                    "--snapshot-chunk", "500",
                    ItemSync.class.getName()),
                Map.of(),
                Path.of("target", "sync-processes", "kill-" + kill + ".log"))) {
          child.await(line -> line.startsWith("batch item "), Duration.ofSeconds(60));
          Thread.sleep(ThreadLocalRandom.current().nextInt(30));
          child.kill();
        }
        faultsInjected.incrementAndGet();
        items.assertCursorNotAhead(context);
        if (kill > 0) {
          items.assertNothingAfterCursor(context);
        }
        long copied = items.targetRows().size();
        assertTrue(
            copied < (kill + 1L) * perRound,
            context + ": killed after the run had finished; raise the rows per round");

        engine.run("item");
        recovered(items, context);
      }
    }
  }

  /**
   * Makes the target's next run a snapshot again, from an empty target: its cursor row keeps no
   * position, as a new row would. Changes every source row, so that a stale copy shows.
   */
  private static void restartTheSnapshot(SyncedTable<Shipment> shipments) {
    Sql.execute(
        shipments.target,
        "UPDATE " + SyncEngine.DEFAULT_CURSOR_TABLE + " SET cursor_value = NULL, key_value = NULL,"
            + " snapshot_high_water = NULL, snapshot_key = NULL WHERE sync_name = 'shipment'");
    Sql.execute(shipments.target, "DELETE FROM shipment_copy");
    Sql.execute(shipments.source, "UPDATE shipment SET weight = weight + 1");
  }

  /** Updates six rows and inserts four, all at a new change time. */
  private static void changeTenShipments(SyncedTable<Shipment> shipments, int round) {
    LocalDateTime changedAt = T0.plusSeconds(round).plusNanos(round * 1_000L);
    if (round > 0) {
      Sql.execute(
          shipments.source,
          "UPDATE shipment SET weight = weight + 1, changed_at = ? WHERE id <= 6",
          changedAt);
    }
    int inserted = round == 0 ? 10 : 4;
    long first = round == 0 ? 1 : 7 + round * 4L;
    Sql.batch(
        shipments.source,
        "INSERT INTO shipment (id, label, weight, changed_at) VALUES (?, ?, ?, ?)",
        first,
        first + inserted - 1,
        id -> List.of(id, "parcel " + id, (int) id * 3, changedAt));
  }

  private static boolean runFails(SyncEngine engine) {
    try {
      engine.run("shipment");
      return false;
    } catch (SyncException e) {
      return true;
    }
  }

  private static void recovered(SyncedTable<?> table, String context) {
    long lost = table.rowsLost();
    long duplicated = table.rowsDuplicated();
    rowsLost.addAndGet(lost);
    rowsDuplicated.addAndGet(duplicated);
    if (lost == 0 && duplicated == 0) {
      runsRecovered.incrementAndGet();
    }
    table.assertSame(context);
  }
}
