package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.Dialect;
import dev.tablesync.runtime.dialect.Dialects;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.status.ReconcileTable;
import dev.tablesync.runtime.status.RunTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares every table of an engine once: checks that its data sources exist, detects each data
 * source's dialect, installs the engine's own tables in each target, and renders the table's
 * statements.
 */
public final class EngineTables {

  private static final Logger log = LoggerFactory.getLogger(EngineTables.class);

  private EngineTables() {}

  /**
   * One table of an engine, as prepared: its runner and the status tables of its target.
   *
   * @param runner runs it: batches, snapshot chunks, reconciliations
   * @param runs the run table its target keeps
   * @param reconciles the reconcile table its target keeps
   */
  public record Table(TableRunner<?> runner, RunTable runs, ReconcileTable reconciles) {}

  /**
   * Prepares every table; returns them by sync name, in name order.
   *
   * @throws IllegalStateException when two tables share a name, a table names a data source that
   *     was not given, a data source's product has no dialect, a table's lag needs a date-time
   *     cursor, or a target lacks the engine's tables and the settings say not to create them
   */
  public static Map<String, Table> prepare(
      Collection<TableSync<?>> tables,
      Map<String, DataSource> dataSources,
      EngineSettings settings) {
    Map<String, Dialect> dialects = new HashMap<>();
    Map<String, RunTable> runTablesByTarget = new HashMap<>();
    Map<String, ReconcileTable> reconcileTablesByTarget = new HashMap<>();
    Map<String, Table> prepared = new TreeMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    for (TableSync<?> sync : tables) {
      TableSpec table = sync.spec();
      String first = owners.putIfAbsent(table.name(), table.recordType().getName());
      if (first != null) {
        throw new IllegalStateException(
            "two tables are named '" + table.name() + "': " + first + " and "
                + table.recordType().getName());
      }
      DataSource source = dataSource(dataSources, table, table.source(), "source");
      DataSource target = dataSource(dataSources, table, table.target(), "target");
      Dialect sourceDialect = dialects.computeIfAbsent(table.source(), n -> detect(n, source));
      Dialect targetDialect = dialects.computeIfAbsent(table.target(), n -> detect(n, target));
      // One run table and one reconcile table per target, shared by the tables that write there.
      RunTable runs =
          runTablesByTarget.computeIfAbsent(
              table.target(), n -> install(n, target, targetDialect, settings));
      ReconcileTable reconciles =
          reconcileTablesByTarget.computeIfAbsent(
              table.target(),
              n -> new ReconcileTable(
                  target, targetDialect.reconcileTable(settings.reconcileTable())));
      prepared.put(
          table.name(),
          new Table(
              runner(sync, sourceDialect, targetDialect, source, target, settings),
              runs,
              reconciles));
    }
    return prepared;
  }

  /** Installs the engine's tables in the target {@code name}; returns its run table. */
  private static RunTable install(
      String name, DataSource target, Dialect dialect, EngineSettings settings) {
    try {
      for (String applied :
          EngineSchema.of(dialect, settings).install(name, target, settings.createTables())) {
        log.info("data source '{}': engine table {}", name, applied);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot install the engine's tables in data source '" + name + "': "
              + Redaction.describe(e), e);
    }
    return new RunTable(target, dialect.runTable(settings.runTable()));
  }

  private static <R extends Record> TableRunner<R> runner(
      TableSync<R> sync,
      Dialect sourceDialect,
      Dialect targetDialect,
      DataSource source,
      DataSource target,
      EngineSettings settings) {
    return new TableRunner<>(
        sync,
        TablePlan.of(sync.spec(), sourceDialect, targetDialect),
        new CursorStore(targetDialect.cursorTable(settings.cursorTable())),
        new DeadLetterStore(targetDialect.deadLetterTable(settings.deadLetterTable())),
        source,
        target,
        settings);
  }

  private static DataSource dataSource(
      Map<String, DataSource> dataSources, TableSpec table, String name, String role) {
    DataSource dataSource = dataSources.get(name);
    if (dataSource == null) {
      throw new IllegalStateException(
          "table '" + table.name() + "' (" + table.recordType().getName() + ") reads its " + role
              + " from data source '" + name + "', but the engine has only "
              + dataSources.keySet() + "; add it with SyncEngine.builder().dataSource(\"" + name
              + "\", ...)");
    }
    return dataSource;
  }

  private static Dialect detect(String name, DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialects.detect(connection);
      DatabaseMetaData meta = connection.getMetaData();
      // Drivers return the URL as given, password included.
      log.info(
          "data source '{}': {} {} at {}",
          name,
          dialect.name(),
          meta.getDatabaseProductVersion(),
          Redaction.redact(meta.getURL()));
      return dialect;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to data source '" + name + "': " + Redaction.redact(e.getMessage()), e);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("data source '" + name + "': " + e.getMessage(), e);
    }
  }
}
