package dev.tablesync.runtime;

import dev.tablesync.runtime.engine.EngineSettings;
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

  /** The default name of the dead-letter table created in each target that needs one. */
  public static final String DEFAULT_DEAD_LETTER_TABLE = "tablesync_dead_letter";

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
    return runner(name).run();
  }

  /**
   * The rows the table {@code name} set aside in its target's dead-letter table (see {@code
   * BadRowPolicy.DEAD_LETTER}), oldest first.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when the target cannot be read
   */
  public List<DeadLetter> deadLetters(String name) {
    return runner(name).deadLetters();
  }

  /**
   * Reads each row the table {@code name} set aside again from the source, by its key, and
   * writes it; rows that fail again stay set aside with their new error. Takes turns with runs of
   * the table; the cursor does not move.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when the source or target fails other than for a row's data
   */
  public DeadLetterRetry retryDeadLetters(String name) {
    return runner(name).retryDeadLetters();
  }

  private TableRunner<?> runner(String name) {
    TableRunner<?> runner = runners.get(name);
    if (runner == null) {
      throw new IllegalArgumentException(
          "no table is named '" + name + "'; the tables are " + runners.keySet());
    }
    return runner;
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
    private String deadLetterTable = DEFAULT_DEAD_LETTER_TABLE;
    private SyncListener listener = new SyncListener() {};
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private BusyPolicy whenBusy = BusyPolicy.WAIT;

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

    /**
     * The table in each target that keeps rows set aside by tables with {@code badRows =
     * DEAD_LETTER}; {@value #DEFAULT_DEAD_LETTER_TABLE} by default.
     */
    public Builder deadLetterTable(String deadLetterTable) {
      this.deadLetterTable = Objects.requireNonNull(deadLetterTable, "deadLetterTable");
      return this;
    }

    /**
     * How batches that fail with a transient error are retried; {@link RetryPolicy#DEFAULT} by
     * default.
     */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * What a run does when another runner holds its table; {@link BusyPolicy#WAIT} by default.
     */
    public Builder whenBusy(BusyPolicy whenBusy) {
      this.whenBusy = Objects.requireNonNull(whenBusy, "whenBusy");
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
     *     tables share a name, a database product has no dialect, or a table's lag needs a
     *     date-time cursor
     * @throws IllegalArgumentException when a table or column name is not a plain SQL identifier
     */
    public SyncEngine build() {
      List<TableSync<?>> found = tables.isEmpty() ? discover(classLoader) : tables;
      EngineSettings settings =
          new EngineSettings(cursorTable, deadLetterTable, listener, retry, whenBusy);
      return new SyncEngine(EngineTables.prepare(found, dataSources, settings));
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
