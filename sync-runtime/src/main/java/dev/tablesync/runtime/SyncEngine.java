package dev.tablesync.runtime;

import dev.tablesync.runtime.engine.EngineTables;
import dev.tablesync.runtime.engine.TableRunner;
import dev.tablesync.runtime.spi.TableSync;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs synced tables. Built once with the named data sources the tables read from and write to;
 * finds every generated syncer on the class path, checks that its data sources were given,
 * detects each database's dialect and renders every statement before {@link #build} returns.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *     .dataSource("source", erp)
 *     .dataSource("target", wms)
 *     .build();
 * SyncResult result = engine.run("supplier");
 * }</pre>
 *
 * <p>Runs of different tables may go on at once from different threads. Two runs of the same
 * table, in this engine or any other, take turns batch by batch on the target's cursor row.
 */
public final class SyncEngine {

  /** The default name of the cursor table created in each target. */
  public static final String DEFAULT_CURSOR_TABLE = "tablesync_cursor";

  private final Map<String, TableRunner<?>> runners;

  private SyncEngine(Map<String, TableRunner<?>> runners) {
    this.runners = runners;
  }

  /** Starts an engine's configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The names of every table, sorted. */
  public Set<String> tables() {
    return runners.keySet();
  }

  /**
   * Syncs the table {@code name} until it is caught up.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when a batch fails; earlier batches stay committed
   */
  public SyncResult run(String name) {
    TableRunner<?> runner = runners.get(name);
    if (runner == null) {
      throw new IllegalArgumentException(
          "no table is named '" + name + "'; the tables are " + runners.keySet());
    }
    return runner.run();
  }

  /**
   * Syncs every table, one after the other, in name order. A table that fails does not stop the
   * others; its failure is in the result.
   */
  public List<SyncOutcome> runAll() {
    List<SyncOutcome> outcomes = new ArrayList<>();
    for (TableRunner<?> runner : runners.values()) {
      try {
        outcomes.add(SyncOutcome.succeeded(runner.run()));
      } catch (SyncException e) {
        outcomes.add(SyncOutcome.failed(runner.name(), e));
      }
    }
    return outcomes;
  }

  /** Configures a {@link SyncEngine}. */
  public static final class Builder {
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
    private final List<TableSync<?>> tables = new ArrayList<>();
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private String cursorTable = DEFAULT_CURSOR_TABLE;
    private SyncListener listener = new SyncListener() {};

    private Builder() {}

    /** Adds a data source under the logical name that tables use in {@code source}/{@code target}. */
    public Builder dataSource(String name, DataSource dataSource) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dataSource, "dataSource");
      if (dataSources.putIfAbsent(name, dataSource) != null) {
        throw new IllegalArgumentException("data source '" + name + "' was added twice");
      }
      return this;
    }

    /**
     * Runs only the given tables instead of every syncer found on the class path. May be called
     * more than once.
     */
    public Builder table(TableSync<?> table) {
      tables.add(Objects.requireNonNull(table, "table"));
      return this;
    }

    /** Where to look for generated syncers; the thread's context class loader by default. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /** The table in each target that keeps the cursors; {@value #DEFAULT_CURSOR_TABLE} by default. */
    public Builder cursorTable(String cursorTable) {
      this.cursorTable = Objects.requireNonNull(cursorTable, "cursorTable");
      return this;
    }

    /** Hears about every committed batch and finished run. */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Prepares every table.
     *
     * @throws IllegalStateException when a table names a data source that was not added, two
     *     tables share a name, or a database product has no dialect
     */
    public SyncEngine build() {
      List<TableSync<?>> found = tables.isEmpty() ? discover(classLoader) : tables;
      return new SyncEngine(EngineTables.prepare(found, dataSources, cursorTable, listener));
    }
  }

  /** Every generated syncer that {@code classLoader} can see, in the order it lists them. */
  public static List<TableSync<?>> discover(ClassLoader classLoader) {
    List<TableSync<?>> found = new ArrayList<>();
    @SuppressWarnings("rawtypes") // a class literal cannot name TableSync<?>
    ServiceLoader<TableSync> loader = ServiceLoader.load(TableSync.class, classLoader);
    for (TableSync<?> table : loader) {
      found.add(table);
    }
    return found;
  }
}
