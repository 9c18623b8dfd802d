package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.dialect.Dialects;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every move of every cursor in a target, in commit order, recorded by a trigger on the cursor
 * table: each update of a sync's row inserts its old and new position (and snapshot key) into
 * {@code cursor_history}. Updates of one sync's row are serialized by its lock, so the history's
 * sequence is the order in which the batches and snapshot chunks committed.
 */
final class CursorHistory {

  private final DataSource target;

  private CursorHistory(DataSource target) {
    this.target = target;
  }

  /** Creates the cursor table (as the engine would), the history table and the trigger. */
  static CursorHistory install(DataSource target, TestServer server) {
    try (Connection connection = target.getConnection()) {
      Sql.execute(
          target,
          Dialects.detect(connection).cursorTable(SyncEngine.DEFAULT_CURSOR_TABLE).create());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String values =
        " (old_cursor, old_key, old_snapshot_key, new_cursor, new_key, new_snapshot_key,"
            + " rows_added) VALUES (OLD.cursor_value, OLD.key_value, OLD.snapshot_key,"
            + " NEW.cursor_value, NEW.key_value, NEW.snapshot_key,"
            + " NEW.rows_synced - OLD.rows_synced)";
    String columns =
        " PRIMARY KEY, old_cursor VARCHAR(100), old_key VARCHAR(100),"
            + " old_snapshot_key VARCHAR(100), new_cursor VARCHAR(100), new_key VARCHAR(100),"
            + " new_snapshot_key VARCHAR(100), rows_added BIGINT NOT NULL)";
    if (server.product() == TestServer.Product.POSTGRESQL) {
      Sql.execute(target, "CREATE TABLE cursor_history (seq BIGSERIAL" + columns);
      Sql.execute(
          target,
          "CREATE FUNCTION cursor_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " INSERT INTO cursor_history" + values + "; RETURN NEW; END $$");
      Sql.execute(
          target,
          "CREATE TRIGGER cursor_moved AFTER UPDATE ON " + SyncEngine.DEFAULT_CURSOR_TABLE
              + " FOR EACH ROW EXECUTE FUNCTION cursor_moved()");
    } else {
      Sql.execute(target, "CREATE TABLE cursor_history (seq BIGINT AUTO_INCREMENT" + columns);
      Sql.execute(
          target,
          "CREATE TRIGGER cursor_moved AFTER UPDATE ON " + SyncEngine.DEFAULT_CURSOR_TABLE
              + " FOR EACH ROW INSERT INTO cursor_history" + values);
    }
    return new CursorHistory(target);
  }

  /**
   * What a sync's row stores: its position, or while a snapshot runs (and no position is
   * stored), the last key the snapshot wrote; both null before the first batch or chunk.
   */
  record Stored(Position position, Long snapshotKey) {}

  /** One committed batch or chunk: what was stored before it, and what it stored. */
  record Move(Stored before, Stored after, long rowsAdded) {}

  List<Move> moves() {
    return Sql.query(
        target,
        "SELECT old_cursor, old_key, old_snapshot_key, new_cursor, new_key, new_snapshot_key,"
            + " rows_added FROM cursor_history ORDER BY seq",
        rs ->
            new Move(
                stored(rs.getString(1), rs.getString(2), rs.getString(3)),
                stored(rs.getString(4), rs.getString(5), rs.getString(6)),
                rs.getLong(7)));
  }

  /**
   * Fails unless the batches and chunks never interleaved and never moved back: each began where
   * the one before it ended and moved forward, and together they wrote {@code rows} rows.
   */
  void assertBatchesFollowedEachOther(long rows) {
    Stored previous = new Stored(null, null);
    long written = 0;
    for (Move move : moves()) {
      assertEquals(
          previous,
          move.before(),
          "a batch began at " + move.before() + ", not where the one before it ended: batches"
              + " interleaved");
      assertTrue(
          isAfter(move.after(), previous),
          "the cursor moved back from " + previous + " to " + move.after());
      previous = move.after();
      written += move.rowsAdded();
    }
    assertEquals(rows, written, "rows written by all batches of all runners");
  }

  private static Stored stored(String cursor, String key, String snapshotKey) {
    Position position =
        cursor == null
            ? null
            : Position.decode(cursor, key, List.of(LocalDateTime.class, long.class));
    return new Stored(position, snapshotKey == null ? null : Long.parseLong(snapshotKey));
  }

  private static boolean isAfter(Stored next, Stored previous) {
    if (previous.position() == null) {
      // A first batch, a snapshot's hand-over, or a chunk after the last one.
      return next.position() != null
          || previous.snapshotKey() == null
          || next.snapshotKey() > previous.snapshotKey();
    }
    Position to = next.position();
    Position from = previous.position();
    int byCursor = ((LocalDateTime) to.cursor()).compareTo((LocalDateTime) from.cursor());
    return byCursor > 0
        || byCursor == 0
            && (from.isStartOfCursor() || (Long) to.key().get(0) > (Long) from.key().get(0));
  }
}
