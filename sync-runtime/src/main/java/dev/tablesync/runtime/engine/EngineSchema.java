package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.CursorTableSql;
import dev.tablesync.runtime.dialect.DeadLetterSql;
import dev.tablesync.runtime.dialect.Dialect;
import dev.tablesync.runtime.dialect.ReconcileTableSql;
import dev.tablesync.runtime.dialect.RunTableSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The engine's own tables in one target (cursors, runs, reconciliations, dead letters), installed
 * when the engine is built, so that runs, status views and dead-letter lists afterwards only read and write rows.
 * The tables' versions are steps in order; a target with the tables of an earlier TableSync is
 * upgraded in place by the steps it lacks. Each step is found applied or not by a probe, a query
 * that selects its columns and no row, so an account that may not create tables can still check.
 */
final class EngineSchema {

  /**
   * One version step.
   *
   * @param table the engine table it creates or changes
   * @param change what it does, for messages
   * @param probe fails unless the step is applied
   * @param ddl applies it; creating a table is a no-op when another process just did
   */
  private record Step(String table, String change, String probe, String ddl) {}

  private final List<Step> steps;

  private EngineSchema(List<Step> steps) {
    this.steps = steps;
  }

  /** The steps of the tables {@code settings} names, as {@code dialect} renders them. */
  static EngineSchema of(Dialect dialect, EngineSettings settings) {
    CursorTableSql cursors = dialect.cursorTable(settings.cursorTable());
    RunTableSql runs = dialect.runTable(settings.runTable());
    ReconcileTableSql reconciles = dialect.reconcileTable(settings.reconcileTable());
    DeadLetterSql deadLetters = dialect.deadLetterTable(settings.deadLetterTable());
    return new EngineSchema(
        List.of(
            new Step(settings.cursorTable(), "create it", cursors.probe(), cursors.create()),
            new Step(
                settings.cursorTable(),
                "add the snapshot columns",
                cursors.probeSnapshotColumns(),
                cursors.addSnapshotColumns()),
            new Step(settings.runTable(), "create it", runs.probe(), runs.create()),
            new Step(
                settings.reconcileTable(), "create it", reconciles.probe(), reconciles.create()),
            new Step(
                settings.deadLetterTable(), "create it", deadLetters.probe(), deadLetters.create())));
  }

  /**
   * Applies the steps {@code target} lacks, or with {@code create} off only checks that it lacks
   * none; returns what it applied, each as "table: change".
   *
   * @throws IllegalStateException naming the data source, the missing steps and their SQL, when
   *     {@code create} is off and a step is missing
   * @throws SQLException when a step cannot be applied
   */
  List<String> install(String targetName, DataSource target, boolean create)
      throws SQLException {
    try (Connection connection = target.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      List<Step> missing = new ArrayList<>();
      List<String> applied = new ArrayList<>();
      // Tables with a step missing: their later steps cannot be checked before it is applied,
      // and creating a table creates it as the latest step has it.
      Set<String> behind = new HashSet<>();
      for (Step step : steps) {
        if (behind.contains(step.table()) || applied(connection, step)) {
          continue;
        }
        if (!create) {
          missing.add(step);
          behind.add(step.table());
          continue;
        }
        EngineTableDdl.create(connection, step.ddl());
        if (!applied(connection, step)) {
          throw new SQLException(
              "installing the engine's tables: " + step.table() + " is still not there after: "
                  + step.ddl());
        }
        applied.add(step.table() + ": " + step.change());
      }
      connection.setAutoCommit(autoCommit);
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "data source '" + targetName + "' lacks the engine's tables as this TableSync needs"
                + " them (" + missing.stream().map(s -> s.table() + ": " + s.change())
                    .collect(Collectors.joining("; "))
                + "), and the engine was built with createTables(false). Run this as an account"
                + " that may create tables, or build the engine once with createTables(true):\n"
                + missing.stream().map(Step::ddl).collect(Collectors.joining(";\n", "", ";")));
      }
      return applied;
    }
  }

  /** Whether the step's probe runs; a failed probe is rolled back, as PostgreSQL needs. */
  private static boolean applied(Connection connection, Step step) throws SQLException {
    try (Statement probe = connection.createStatement()) {
      probe.executeQuery(step.probe()).close();
      connection.commit();
      return true;
    } catch (SQLException missing) {
      connection.rollback();
      return false;
    }
  }
}
