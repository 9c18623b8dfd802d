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
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every move of every cursor in a target, in commit order, recorded by a trigger on the cursor
 * table: each update of a sync's row inserts its old and new position into {@code
 * cursor_history}. Updates of one sync's row are serialized by its lock, so the history's
 * sequence is the order in which the batches committed.
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
        " (old_cursor, old_key, new_cursor, new_key, rows_added) VALUES (OLD.cursor_value,"
            + " OLD.key_value, NEW.cursor_value, NEW.key_value, NEW.rows_synced - OLD.rows_synced)";
    String columns =
        " PRIMARY KEY, old_cursor VARCHAR(1000), old_key VARCHAR(4000),"
            + " new_cursor VARCHAR(1000), new_key VARCHAR(4000), rows_added BIGINT NOT NULL)";
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

  /** One committed batch: where the cursor was and where the batch left it. */
  record Move(String oldCursor, String oldKey, String newCursor, String newKey, long rowsAdded) {}

  List<Move> moves() {
    return Sql.query(
        target,
        "SELECT old_cursor, old_key, new_cursor, new_key, rows_added FROM cursor_history"
            + " ORDER BY seq",
        rs -> new Move(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getLong(5)));
  }

  /**
   * Fails unless the batches never interleaved and never moved the cursor back: each began where
   * the one before it ended and moved forward, and together they wrote {@code rows} rows.
   */
  void assertBatchesFollowedEachOther(long rows) {
    List<Move> moves = moves();
    Position previous = null;
    long written = 0;
    for (Move move : moves) {
      assertTrue(
          Objects.equals(previous, position(move.oldCursor(), move.oldKey())),
          "a batch began at " + move.oldCursor() + "/" + move.oldKey() + ", not where the one"
              + " before it ended (" + previous + "): batches interleaved");
      Position next = position(move.newCursor(), move.newKey());
      assertTrue(
          previous == null || isAfter(next, previous),
          "the cursor moved back from " + previous + " to " + next);
      previous = next;
      written += move.rowsAdded();
    }
    assertEquals(rows, written, "rows written by all batches of all runners");
  }

  private static Position position(String cursor, String key) {
    return cursor == null
        ? null
        : Position.decode(cursor, key, List.of(LocalDateTime.class, long.class));
  }

  private static boolean isAfter(Position next, Position previous) {
    int byCursor = ((LocalDateTime) next.cursor()).compareTo((LocalDateTime) previous.cursor());
    return byCursor > 0
        || byCursor == 0 && (Long) next.key().get(0) > (Long) previous.key().get(0);
  }
}
