package dev.tablesync.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The status view and the run table, from the embedded PostgreSQL into the embedded MariaDB. */
class EngineStatusTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 8, 0, 0, 500_000_000);

  private final TestServer from = TestServers.postgres();
  private final TestServer to = TestServers.mariaDb();
  private final DataSource source = from.newDatabase("status_src");
  private final DataSource target = to.newDatabase("status_dst");
  private SyncEngine engine() {
    return SyncEngine.builder()
        .dataSource("source", source)
        .dataSource("target", target)
        .table(new ItemSync())
        .snapshot(false) // counts the rows of batches
        .build();
  }

  private void insert(long fromId, long toId, LocalDateTime changedAt) {
    Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
        fromId, toId, id -> List.of(id, "item " + id, BigDecimal.valueOf(id, 2), changedAt));
  }

  @Test
  void showsLastRunCursorRowsLagAndErrorsToAnyEngine() {
    Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + from.timestampType() + " NOT NULL,"
        + " deleted INT NOT NULL DEFAULT 0)");
    Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " price DECIMAL(12,2), changed_at " + to.timestampType() + " NOT NULL)");
    insert(1, 250, T0);
    SyncEngine engine = engine();

    TableStatus before = engine.status("item");
    assertEquals(Optional.empty(), before.lastRun());
    assertNull(before.cursor());
    assertEquals(0, before.rowsSynced());
    assertEquals(T0, before.sourceNewest());
    assertEquals(Optional.empty(), before.lag(), "nothing synced yet");

    engine.run("item");
    TableStatus synced = engine.status("item");
    RunRecord run = synced.lastRun().orElseThrow();
    assertEquals(RunRecord.Outcome.SUCCEEDED, run.outcome());
    assertEquals(250, run.rowsWritten());
    assertEquals(0, run.failuresInARow());
    assertNull(run.lastError());
    assertTrue(!run.finished().isBefore(run.started()));
    assertEquals(T0, synced.cursor());
    assertEquals(250, synced.rowsSynced());
    assertEquals(Optional.of(Duration.ZERO), synced.lag());

    insert(251, 260, T0.plusMinutes(36));
    assertEquals(Optional.of(Duration.ofMinutes(36)), engine.status("item").lag());

    Sql.execute(target, "RENAME TABLE item_copy TO item_copy_away");
    assertThrows(SyncException.class, () -> engine.run("item"));
    assertThrows(SyncException.class, () -> engine.run("item"));
    TableStatus failing = engine().status("item"); // another engine, as on another node
    RunRecord failed = failing.lastRun().orElseThrow();
    assertEquals(RunRecord.Outcome.FAILED, failed.outcome());
    assertEquals(2, failed.failuresInARow());
    assertTrue(failed.lastError().contains("item_copy"), failed.lastError());
    assertEquals(failed.finished(), failed.lastErrorAt());
    assertEquals(T0, failing.cursor(), "a failed run moves no cursor");

    Sql.execute(target, "RENAME TABLE item_copy_away TO item_copy");
    engine.run("item");
    TableStatus recovered = engine.status("item");
    RunRecord last = recovered.lastRun().orElseThrow();
    assertEquals(RunRecord.Outcome.SUCCEEDED, last.outcome());
    assertEquals(10, last.rowsWritten());
    assertEquals(0, last.failuresInARow());
    assertEquals(failed.lastError(), last.lastError(), "the latest error stays visible");
    assertEquals(260, recovered.rowsSynced());
    assertEquals(Optional.of(Duration.ZERO), recovered.lag());
  }

  @Test
  void lagIsTheSourcesNewestCursorMinusOursForTimeCursorsOnly() {
    LocalDateTime ours = LocalDateTime.of(2024, 1, 1, 0, 0);
    assertEquals(Optional.of(Duration.ofSeconds(90)), TableStatus.lag(ours, ours.plusSeconds(90)));
    assertEquals(Optional.of(Duration.ZERO), TableStatus.lag(ours, ours.minusDays(1)));
    assertEquals(Optional.of(Duration.ZERO), TableStatus.lag(ours, null));
    assertEquals(Optional.empty(), TableStatus.lag(null, ours));
    assertEquals(Optional.empty(), TableStatus.lag(17L, 20L));
  }
}
