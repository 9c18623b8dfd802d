package dev.tablesync.runtime;

import dev.tablesync.runtime.engine.EngineSettings;
import dev.tablesync.runtime.engine.EngineTables;
import dev.tablesync.runtime.engine.Redaction;
import dev.tablesync.runtime.engine.TableRunner;
import dev.tablesync.runtime.metrics.EngineMetrics;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.status.ReconcileRecord;
import dev.tablesync.runtime.status.TableStatus;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
 *
 * <p>Every log line of a run carries the table's name in the SLF4J MDC under {@value #MDC_TABLE}.
 * Each run's outcome is kept in the target's run table ({@value #DEFAULT_RUN_TABLE}), which
 * {@link #status} reads; of runs that find nothing new, one a minute is kept. When Micrometer is on the class path, the engine records metrics on its
 * global registry (see {@link EngineMetrics}).
 */
public final class SyncEngine {

  private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

  /** The default name of the cursor table created in each target. */
  public static final String DEFAULT_CURSOR_TABLE = "tablesync_cursor";

  /** The default name of the table in each target that keeps every table's last run. */
  public static final String DEFAULT_RUN_TABLE = "tablesync_run";

  /** The default name of the table in each target that keeps every table's last reconciliation. */
  public static final String DEFAULT_RECONCILE_TABLE = "tablesync_reconcile";

  /** The default name of the dead-letter table created in each target that needs one. */
  public static final String DEFAULT_DEAD_LETTER_TABLE = "tablesync_dead_letter";

  /** The default share of a target table one reconciliation may delete: 10%. */
  public static final double DEFAULT_DELETE_GUARD = 0.10;

  /** The default number of rows per key range of a reconciliation. */
  public static final int DEFAULT_RECONCILE_RANGE_SIZE = 10_000;

  /** The default number of rows per chunk of a snapshot. */
  public static final int DEFAULT_SNAPSHOT_CHUNK_SIZE = 20_000;

  /** The default number of rows per chunk of a table far behind. */
  public static final int DEFAULT_BACKLOG_CHUNK_SIZE = 20_000;

  /** The MDC key that holds the table's name while it runs. */
  public static final String MDC_TABLE = "tablesync.table";

  /** This process, as run records name it: {@code pid@host}. */
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  /** Every table, by sync name, in name order. */
  private final Map<String, EngineTables.Table> tables;
  private final Optional<EngineMetrics> metrics;

  private SyncEngine(Map<String, EngineTables.Table> tables, Optional<EngineMetrics> metrics) {
    this.tables = tables;
    this.metrics = metrics;
  }

  /** Starts an engine's configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The names of every table, sorted. */
  public Set<String> tables() {
    return tables.keySet();
  }

  /**
   * What the table {@code name} declares, schedule included.
   *
   * @throws IllegalArgumentException when no table has that name
   */
  public TableSpec spec(String name) {
    return runner(name).spec();
  }

  /**
   * Syncs the table {@code name} until it is caught up.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when a batch fails; earlier batches stay committed
   */
  public SyncResult run(String name) {
    return run(name, () -> false);
  }

  /**
   * Syncs the table {@code name} until it is caught up or until {@code stopRequested} returns
   * true, which it is asked before every batch but the first: a stop lets the batch in flight
   * commit, and the next run goes on from there.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when a batch fails; earlier batches stay committed
   */
  public SyncResult run(String name, BooleanSupplier stopRequested) {
    TableRunner<?> runner = runner(name);
    try (MDC.MDCCloseable table = MDC.putCloseable(MDC_TABLE, name)) {
      Instant started = Instant.now();
      SyncResult result;
      try {
        result = runner.run(stopRequested);
      } catch (SyncException e) {
        recordRun(name, started, 0, e.getMessage());
        throw e;
      }
      recordRun(name, started, result.rowsWritten(), null);
      // A run that moved nothing leaves the lag as the last measurement found it; skipping the
      // two queries keeps a "nothing changed" poll cheap.
      if (result.rowsWritten() > 0) {
        metrics.ifPresent(m -> measureLag(m, runner));
      }
      return result;
    }
  }

  /**
   * Syncs every table, one after the other, in name order. A table that fails does not stop the
   * others; its failure is in the result.
   */
  public List<SyncOutcome> runAll() {
    List<SyncOutcome> outcomes = new ArrayList<>();
    for (String name : tables.keySet()) {
      try {
        outcomes.add(SyncOutcome.succeeded(run(name)));
      } catch (SyncException e) {
        outcomes.add(SyncOutcome.failed(name, e));
      }
    }
    return outcomes;
  }

  /**
   * Where the table {@code name} stands: its last run (by any process), stored cursor, rows
   * synced in total, and lag behind the source. Reads the target and queries the source's newest
   * cursor; waits for a batch in flight to commit.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when the source or target cannot be read
   */
  public TableStatus status(String name) {
    TableRunner<?> runner = runner(name);
    try {
      TableRunner.Progress progress = runner.progress();
      TableStatus status =
          new TableStatus(
              name,
              table(name).runs().read(name),
              progress.cursor(),
              progress.rowsSynced(),
              progress.sourceNewest(),
              table(name).reconciles().read(name));
      metrics.ifPresent(m -> status.lag().ifPresent(lag -> m.lagMeasured(name, lag)));
      return status;
    } catch (SQLException e) {
      throw new SyncException(name, "unknown", "status unavailable: " + e.getMessage(), e);
    }
  }

  /** The status of every table, in name order; see {@link #status(String)}. */
  public List<TableStatus> status() {
    return tables.keySet().stream().map(this::status).toList();
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

  /**
   * Deletes the stored position of the table {@code name} in its target's cursor table, after a
   * batch in flight commits, so that its next run copies the table again: by a snapshot, unless
   * snapshots are off. The target's rows stay; a run still going fails at its next batch.
   *
   * @return whether the table had a stored position row
   * @throws IllegalArgumentException when no table has that name
   * @throws SyncException when the target cannot be written
   */
  public boolean reset(String name) {
    return runner(name).reset();
  }

  /**
   * Compares the table {@code name} with its source query by every mapped column and repairs
   * it: see {@link #reconcile(String, ReconcileDepth)}.
   */
  public ReconcileResult reconcile(String name) {
    return reconcile(name, ReconcileDepth.FULL);
  }

  /**
   * Compares the target table {@code name} with its source query by key, range by range, and
   * makes it equal: writes the rows it lacks and the rows that differ, as a batch writes them,
   * and deletes or marks the rows whose key the source no longer returns, as the record's {@code
   * goneRows} says (kept and reported by default). Rows the source changed after the stored
   * position are left to the next batch. Takes turns with runs of the table range by range.
   *
   * @throws IllegalArgumentException when no table has that name
   * @throws ReconcileRefusedException when the source returned no rows, or more rows would go
   *     than the delete guard allows: nothing was deleted, the rest was repaired
   * @throws SyncException when a range fails; earlier ranges stay committed
   */
  public ReconcileResult reconcile(String name, ReconcileDepth depth) {
    TableRunner<?> runner = runner(name);
    try (MDC.MDCCloseable table = MDC.putCloseable(MDC_TABLE, name)) {
      Instant started = Instant.now();
      try {
        ReconcileResult result = runner.reconcile(depth);
        recordReconcile(name, started, ReconcileRecord.Outcome.SUCCEEDED, result, null);
        return result;
      } catch (ReconcileRefusedException e) {
        recordReconcile(name, started, ReconcileRecord.Outcome.REFUSED, e.result(), e.getMessage());
        throw e;
      } catch (SyncException e) {
        recordReconcile(name, started, ReconcileRecord.Outcome.FAILED, null, e.getMessage());
        throw e;
      }
    }
  }

  /** Keeps a reconciliation's outcome; a target too broken to take it must not hide its own. */
  private void recordReconcile(
      String name,
      Instant started,
      ReconcileRecord.Outcome outcome,
      ReconcileResult found,
      String error) {
    try {
      table(name).reconciles().record(name, NODE, started, Instant.now(), outcome, found, error);
    } catch (SQLException | RuntimeException e) {
      log.warn("{}: could not record the reconciliation: {}", name, Redaction.describe(e));
    }
  }

  /**
   * Reconciles every table, one after the other, in name order; a table that fails or refuses
   * does not stop the others.
   */
  public Map<String, ReconcileOutcome> reconcileAll(ReconcileDepth depth) {
    Map<String, ReconcileOutcome> outcomes = new LinkedHashMap<>();
    for (String name : tables.keySet()) {
      try {
        outcomes.put(name, new ReconcileOutcome(reconcile(name, depth), null));
      } catch (SyncException e) {
        outcomes.put(name, new ReconcileOutcome(null, e));
      }
    }
    return outcomes;
  }

  /**
   * How one table's reconciliation ended.
   *
   * @param result what it found and did; null when it failed
   * @param failure why it failed or refused; null when it succeeded
   */
  public record ReconcileOutcome(ReconcileResult result, SyncException failure) {}

  private EngineTables.Table table(String name) {
    EngineTables.Table table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException(
          "no table is named '" + name + "'; the tables are " + tables.keySet());
    }
    return table;
  }

  private TableRunner<?> runner(String name) {
    return table(name).runner();
  }

  /** Keeps the run's outcome; a target too broken to take it must not hide the run's own. */
  private void recordRun(String name, Instant started, long rowsWritten, String error) {
    try {
      table(name).runs().record(name, NODE, started, Instant.now(), rowsWritten, error);
    } catch (SQLException | RuntimeException e) {
      log.warn("{}: could not record the run: {}", name, Redaction.describe(e));
    }
  }

  private void measureLag(EngineMetrics metrics, TableRunner<?> runner) {
    try {
      TableRunner.Progress progress = runner.progress();
      TableStatus.lag(progress.cursor(), progress.sourceNewest())
          .ifPresent(lag -> metrics.lagMeasured(runner.name(), lag));
    } catch (SQLException e) {
      log.warn("{}: could not measure the lag: {}", runner.name(), Redaction.describe(e));
    }
  }

  /** Configures a {@link SyncEngine}. */
  public static final class Builder {
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
    private final List<TableSync<?>> tables = new ArrayList<>();
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private String cursorTable = DEFAULT_CURSOR_TABLE;
    private String runTable = DEFAULT_RUN_TABLE;
    private String reconcileTable = DEFAULT_RECONCILE_TABLE;
    private String deadLetterTable = DEFAULT_DEAD_LETTER_TABLE;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private BusyPolicy whenBusy = BusyPolicy.WAIT;
    private SyncListener listener = new SyncListener() {};
    private boolean snapshot = true;
    private int snapshotChunkSize = DEFAULT_SNAPSHOT_CHUNK_SIZE;
    private boolean createTables = true;
    private EngineMetrics metrics;
    private int backlogChunkSize = DEFAULT_BACKLOG_CHUNK_SIZE;
    private double deleteGuard = DEFAULT_DELETE_GUARD;
    private int reconcileRangeSize = DEFAULT_RECONCILE_RANGE_SIZE;

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

    /**
     * The table in each target that keeps every table's last run; {@value #DEFAULT_RUN_TABLE} by
     * default.
     */
    public Builder runTable(String runTable) {
      this.runTable = Objects.requireNonNull(runTable, "runTable");
      return this;
    }

    /**
     * Whether a table with no stored position (a new sync, or one reset by deleting its row in
     * the cursor table) is first copied by a snapshot: its rows in key order, in chunks written
     * with the target's bulk path ({@code LOAD DATA LOCAL INFILE} on MySQL and MariaDB, {@code
     * COPY} on PostgreSQL, batched upserts elsewhere), before batches in cursor order take over.
     * On by default; off, such a table is copied by batches from its oldest cursor on.
     */
    public Builder snapshot(boolean snapshot) {
      this.snapshot = snapshot;
      return this;
    }

    /**
     * Rows per chunk of a snapshot, each one target transaction; {@value
     * #DEFAULT_SNAPSHOT_CHUNK_SIZE} by default. Two chunks' rows are held in memory at a time: the
     * one being written, and the next, read meanwhile.
     */
    public Builder snapshotChunkSize(int snapshotChunkSize) {
      if (snapshotChunkSize < 1) {
        throw new IllegalArgumentException(
            "snapshotChunkSize must be at least 1, was " + snapshotChunkSize);
      }
      this.snapshotChunkSize = snapshotChunkSize;
      return this;
    }

    /**
     * Whether {@link #build} creates the engine's own tables (cursors, runs, dead letters) in each
     * target that lacks them, and upgrades those an earlier TableSync created; on by default.
     * Off, for a sync account that may not create tables, {@code build} only checks that they are
     * there and up to date, and otherwise fails with the SQL that an administrator can run.
     * Either way, runs, status views and dead-letter lists never create a table.
     */
    public Builder createTables(boolean createTables) {
      this.createTables = createTables;
      return this;
    }

    /**
     * The table in each target that keeps every table's last reconciliation; {@value
     * #DEFAULT_RECONCILE_TABLE} by default.
     */
    public Builder reconcileTable(String reconcileTable) {
      this.reconcileTable = Objects.requireNonNull(reconcileTable, "reconcileTable");
      return this;
    }

    /**
     * Where the engine records its metrics, such as {@code MicrometerMetrics.on(registry)}; by
     * default Micrometer's global registry when Micrometer is on the class path.
     */
    public Builder metrics(EngineMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Rows per chunk of a table far behind; {@value #DEFAULT_BACKLOG_CHUNK_SIZE} by default, 0
     * for none. Once a batch comes back full, the next reads ask for this many rows, and a read
     * that gets them all is written through the target's bulk path into a staging table and one
     * set-based upsert from it ({@code LOAD DATA LOCAL INFILE} on MySQL and MariaDB, {@code COPY}
     * on PostgreSQL, batched upserts elsewhere), in one transaction with the stored position, as
     * a batch is. Two chunks' rows are held in memory at a time.
     */
    public Builder backlogChunkSize(int backlogChunkSize) {
      if (backlogChunkSize < 0) {
        throw new IllegalArgumentException(
            "backlogChunkSize must be 0 (no chunks) or more, was " + backlogChunkSize);
      }
      this.backlogChunkSize = backlogChunkSize;
      return this;
    }

    /**
     * The largest share of a target table one reconciliation may delete or mark, from 0 to 1,
     * for tables whose record declares no {@code deleteGuard}; {@value #DEFAULT_DELETE_GUARD}
     * by default. Beyond it a reconciliation deletes nothing and fails, saying how many rows
     * would have gone.
     */
    public Builder deleteGuard(double deleteGuard) {
      if (!(deleteGuard >= 0 && deleteGuard <= 1)) {
        throw new IllegalArgumentException("deleteGuard must be from 0 to 1, was " + deleteGuard);
      }
      this.deleteGuard = deleteGuard;
      return this;
    }

    /**
     * Rows per key range of a reconciliation, each one target transaction; {@value
     * #DEFAULT_RECONCILE_RANGE_SIZE} by default. One range of each side is held in memory.
     */
    public Builder reconcileRangeSize(int reconcileRangeSize) {
      if (reconcileRangeSize < 1) {
        throw new IllegalArgumentException(
            "reconcileRangeSize must be at least 1, was " + reconcileRangeSize);
      }
      this.reconcileRangeSize = reconcileRangeSize;
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
     *     tables share a name, a database product has no dialect, a table's lag needs a date-time
     *     cursor, or a target lacks the engine's tables and {@link #createTables} is off
     * @throws IllegalArgumentException when a table or column name is not a plain SQL identifier
     */
    public SyncEngine build() {
      List<TableSync<?>> found = tables.isEmpty() ? discover(classLoader) : tables;
      Optional<EngineMetrics> metrics =
          this.metrics != null ? Optional.of(this.metrics) : EngineMetrics.ifAvailable();
      SyncListener listeners = metrics.map(m -> both(listener, m)).orElse(listener);
      EngineSettings settings =
          new EngineSettings(
              cursorTable,
              runTable,
              reconcileTable,
              deadLetterTable,
              listeners,
              retry,
              whenBusy,
              snapshot,
              snapshotChunkSize,
              createTables,
              backlogChunkSize,
              deleteGuard,
              reconcileRangeSize);
      return new SyncEngine(EngineTables.prepare(found, dataSources, settings), metrics);
    }

    private static SyncListener both(SyncListener first, SyncListener second) {
      return new SyncListener() {
        @Override
        public void batchCommitted(BatchReport batch) {
          first.batchCommitted(batch);
          second.batchCommitted(batch);
        }

        @Override
        public void runFinished(SyncResult result) {
          first.runFinished(result);
          second.runFinished(result);
        }

        @Override
        public void runFailed(String name, SyncException failure) {
          first.runFailed(name, failure);
          second.runFailed(name, failure);
        }

        @Override
        public void reconcileProgress(ReconcileResult soFar) {
          first.reconcileProgress(soFar);
          second.reconcileProgress(soFar);
        }

        @Override
        public void reconcileFinished(ReconcileResult result) {
          first.reconcileFinished(result);
          second.reconcileFinished(result);
        }

        @Override
        public void reconcileFailed(String name, SyncException failure) {
          first.reconcileFailed(name, failure);
          second.reconcileFailed(name, failure);
        }
      };
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
