package dev.tablesync.runtime.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the engine's own tables in a target (cursors, dead letters) on first use. */
final class EngineTableDdl {

  private EngineTableDdl() {}

  /**
   * Runs {@code createUnlessExists} and commits. Runners that start together may both create the
   * table; PostgreSQL then fails one of them even with {@code IF NOT EXISTS}, so a failure is
   * followed by one more try, which finds the table.
   */
  static void create(Connection target, String createUnlessExists) throws SQLException {
    try {
      execute(target, createUnlessExists);
    } catch (SQLException first) {
      target.rollback();
      try {
        execute(target, createUnlessExists);
      } catch (SQLException second) {
        second.addSuppressed(first);
        throw second;
      }
    }
  }

  private static void execute(Connection target, String sql) throws SQLException {
    try (Statement create = target.createStatement()) {
      create.execute(sql);
    }
    target.commit();
  }
}
