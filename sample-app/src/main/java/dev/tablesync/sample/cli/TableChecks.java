package dev.tablesync.sample.cli;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.dialect.Dialects;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Checks before a command syncs that each table's source query runs on its source and that its
 * target table (with the columns the table writes) is there, so that a typo or a missing
 * migration is one line naming the table and the data source rather than a failed run. Both
 * checks read no rows: the engine's own first read with a limit of 0 rows, and a select of the
 * target's columns {@code WHERE 1 = 0}.
 */
final class TableChecks {

  private final SyncEngine engine;
  private final OpenDataSources dataSources;

  TableChecks(SyncEngine engine, OpenDataSources dataSources) {
    this.engine = engine;
    this.dataSources = dataSources;
  }

  /**
   * Checks every table in {@code tables}.
   *
   * @throws CommandFailure with one line per problem
   */
  void requireAll(Collection<String> tables) {
    List<String> problems = new ArrayList<>();
    SQLException first = null;
    for (String table : tables) {
      for (Problem problem : check(table)) {
        problems.add(problem.line());
        first = first == null ? problem.cause() : first;
      }
    }
    if (!problems.isEmpty()) {
      throw new CommandFailure(String.join(System.lineSeparator(), problems), first);
    }
  }

  /** The problems of one table: none, or one per side that fails. */
  List<Problem> check(String table) {
    TableSpec spec = engine.spec(table);
    List<Problem> problems = new ArrayList<>();
    sourceProblem(spec).ifPresent(problems::add);
    targetProblem(spec).ifPresent(problems::add);
    return problems;
  }

  /**
   * What is wrong with a table, in one line.
   *
   * @param cause the driver's error
   */
  record Problem(String line, SQLException cause) {}

  private Optional<Problem> sourceProblem(TableSpec spec) {
    DataSourceSettings settings = dataSources.settings(spec.source());
    try (Connection connection = dataSources.pool(spec.source()).getConnection()) {
      KeysetSelect firstRead = Dialects.detect(connection).keysetSelect(spec, false, false);
      try (PreparedStatement select = connection.prepareStatement(firstRead.sql())) {
        for (int i = 0; i < firstRead.parameters().size(); i++) {
          select.setInt(i + 1, 0); // the first read's only parameter: its row limit
        }
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(
          new Problem(
              spec.name() + ": the source query fails on " + settings.describe() + ": "
                  + CommandFailure.reason(e),
              e));
    }
  }

  private Optional<Problem> targetProblem(TableSpec spec) {
    DataSourceSettings settings = dataSources.settings(spec.target());
    DataSource target = dataSources.pool(spec.target());
    try (Connection connection = target.getConnection();
        PreparedStatement select =
            connection.prepareStatement(Dialects.detect(connection).targetColumns(spec));
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(
          new Problem(
              spec.name() + ": target table " + spec.targetTable() + " in "
                  + settings.describe() + ": " + CommandFailure.reason(e),
              e));
    }
  }
}
