package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.BusyPolicy;
import dev.tablesync.runtime.RetryPolicy;
import dev.tablesync.runtime.SyncEngine;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** TableSync's settings in a Spring Boot application, under {@code tablesync}. */
@ConfigurationProperties("tablesync")
public class TableSyncProperties {

  /** Whether TableSync is configured at all. */
  private boolean enabled = true;

  /**
   * Data sources by the logical names that tables use in {@code @SyncTable(source, target)}. A
   * name not listed here is the DataSource bean of that name (or qualifier).
   */
  private Map<String, DataSourceProperties> dataSources = new LinkedHashMap<>();

  /** What a run does when another runner holds its table. */
  private BusyPolicy whenBusy = BusyPolicy.WAIT;

  /** The table in each target that keeps the cursors. */
  private String cursorTable = SyncEngine.DEFAULT_CURSOR_TABLE;

  /** The table in each target that keeps every table's last run. */
  private String runTable = SyncEngine.DEFAULT_RUN_TABLE;

  /** The table in each target that keeps every table's last reconciliation. */
  private String reconcileTable = SyncEngine.DEFAULT_RECONCILE_TABLE;

  /**
   * The largest share of a target table one reconciliation may delete or mark, from 0 to 1, for
   * tables whose record declares no deleteGuard.
   */
  private double deleteGuard = SyncEngine.DEFAULT_DELETE_GUARD;

  /** Rows per key range of a reconciliation, each one target transaction. */
  private int reconcileRangeSize = SyncEngine.DEFAULT_RECONCILE_RANGE_SIZE;

  /** The table in each target that keeps rows set aside by tables with badRows = DEAD_LETTER. */
  private String deadLetterTable = SyncEngine.DEFAULT_DEAD_LETTER_TABLE;

  /**
   * Whether the engine creates its tables in each target that lacks them (and upgrades those of
   * an earlier TableSync) when it is built; off, it only checks that they are there and fails the
   * start with the SQL to run.
   */
  private boolean createTables = true;

  /**
   * Rows per chunk of a table far behind, written through the target's bulk path into a staging
   * table and one set-based upsert; 0 for none.
   */
  private int backlogChunkSize = SyncEngine.DEFAULT_BACKLOG_CHUNK_SIZE;

  private final Snapshot snapshot = new Snapshot();

  private final Retry retry = new Retry();

  private final Scheduler scheduler = new Scheduler();

  private final Health health = new Health();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Map<String, DataSourceProperties> getDataSources() {
    return dataSources;
  }

  public void setDataSources(Map<String, DataSourceProperties> dataSources) {
    this.dataSources = dataSources;
  }

  public BusyPolicy getWhenBusy() {
    return whenBusy;
  }

  public void setWhenBusy(BusyPolicy whenBusy) {
    this.whenBusy = whenBusy;
  }

  public boolean isCreateTables() {
    return createTables;
  }

  public void setCreateTables(boolean createTables) {
    this.createTables = createTables;
  }

  public int getBacklogChunkSize() {
    return backlogChunkSize;
  }

  public void setBacklogChunkSize(int backlogChunkSize) {
    this.backlogChunkSize = backlogChunkSize;
  }

  public String getReconcileTable() {
    return reconcileTable;
  }

  public void setReconcileTable(String reconcileTable) {
    this.reconcileTable = reconcileTable;
  }

  public double getDeleteGuard() {
    return deleteGuard;
  }

  public void setDeleteGuard(double deleteGuard) {
    this.deleteGuard = deleteGuard;
  }

  public int getReconcileRangeSize() {
    return reconcileRangeSize;
  }

  public void setReconcileRangeSize(int reconcileRangeSize) {
    this.reconcileRangeSize = reconcileRangeSize;
  }

  public String getCursorTable() {
    return cursorTable;
  }

  public void setCursorTable(String cursorTable) {
    this.cursorTable = cursorTable;
  }

  public String getRunTable() {
    return runTable;
  }

  public void setRunTable(String runTable) {
    this.runTable = runTable;
  }

  public String getDeadLetterTable() {
    return deadLetterTable;
  }

  public void setDeadLetterTable(String deadLetterTable) {
    this.deadLetterTable = deadLetterTable;
  }

  public Snapshot getSnapshot() {
    return snapshot;
  }

  public Retry getRetry() {
    return retry;
  }

  public Scheduler getScheduler() {
    return scheduler;
  }

  public Health getHealth() {
    return health;
  }

  /**
   * One logical data source: a bean of another name, or a connection of its own, pooled by the
   * pool Spring Boot would pick (HikariCP when present).
   */
  public static class DataSourceProperties {

    /** The name of the DataSource bean to use. */
    private String bean;

    /** The JDBC URL of a connection of its own. */
    private String url;

    /** The user of that connection. */
    private String username;

    /** The password of that connection. */
    private String password;

    /** The JDBC driver's class; by default the one the URL implies. */
    private String driverClassName;

    public String getBean() {
      return bean;
    }

    public void setBean(String bean) {
      this.bean = bean;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getDriverClassName() {
      return driverClassName;
    }

    public void setDriverClassName(String driverClassName) {
      this.driverClassName = driverClassName;
    }
  }

  /** The first copy of a table with no stored position. */
  public static class Snapshot {

    /**
     * Whether a table with no stored position is first copied by a snapshot in key order; off,
     * by batches from its oldest cursor.
     */
    private boolean enabled = true;

    /** Rows per chunk of a snapshot, each one target transaction. */
    private int chunkSize = SyncEngine.DEFAULT_SNAPSHOT_CHUNK_SIZE;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getChunkSize() {
      return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
    }
  }

  /** How batches that fail with a transient error are retried. */
  public static class Retry {

    /** Attempts of one batch, the first included; 1 never retries. */
    private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();

    /** The pause after the first failed attempt; it doubles with each further one. */
    private Duration firstPause = RetryPolicy.DEFAULT.firstPause();

    /** The longest pause between attempts. */
    private Duration maxPause = RetryPolicy.DEFAULT.maxPause();

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getFirstPause() {
      return firstPause;
    }

    public void setFirstPause(Duration firstPause) {
      this.firstPause = firstPause;
    }

    public Duration getMaxPause() {
      return maxPause;
    }

    public void setMaxPause(Duration maxPause) {
      this.maxPause = maxPause;
    }

    RetryPolicy policy() {
      return new RetryPolicy(maxAttempts, firstPause, maxPause);
    }
  }

  /**
   * Running the tables on their schedules: on the Quartz scheduler Spring Boot manages when
   * there is one, else on the embedded scheduler.
   */
  public static class Scheduler {

    /** Whether this application runs the tables on schedule; off for nodes that only observe. */
    private boolean enabled = true;

    /**
     * Schedules by table name, overriding the annotation's: an interval ({@code 30s}, {@code
     * 5m}, {@code PT1H}) or a Quartz cron expression ({@code 0 0/5 * * * ?}).
     */
    private Map<String, String> schedules = new LinkedHashMap<>();

    /** The schedule of tables whose annotation has none; by default they are not scheduled. */
    private String defaultSchedule;

    /** The embedded scheduler's pause after a table's first failed run in a row. */
    private Duration backoffFirst = Duration.ofSeconds(10);

    /** The embedded scheduler's longest pause after failed runs; it doubles up to this. */
    private Duration backoffMax = Duration.ofMinutes(10);

    /** The time zone the embedded scheduler reads cron expressions in; the system's by default. */
    private ZoneId zone;

    /**
     * How long the embedded scheduler waits at shutdown for runs in flight to commit their
     * current batch and stop.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Map<String, String> getSchedules() {
      return schedules;
    }

    public void setSchedules(Map<String, String> schedules) {
      this.schedules = schedules;
    }

    public String getDefaultSchedule() {
      return defaultSchedule;
    }

    public void setDefaultSchedule(String defaultSchedule) {
      this.defaultSchedule = defaultSchedule;
    }

    public Duration getBackoffFirst() {
      return backoffFirst;
    }

    public void setBackoffFirst(Duration backoffFirst) {
      this.backoffFirst = backoffFirst;
    }

    public Duration getBackoffMax() {
      return backoffMax;
    }

    public void setBackoffMax(Duration backoffMax) {
      this.backoffMax = backoffMax;
    }

    public ZoneId getZone() {
      return zone;
    }

    public void setZone(ZoneId zone) {
      this.zone = zone;
    }

    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }

  /** When a table's health indicator reports it down. */
  public static class Health {

    /** Failed runs in a row after which a table is down. */
    private int failuresInARow = 3;

    /** A lag behind the source past which a table is down; unset, the lag is only shown. */
    private Duration maxLag;

    public int getFailuresInARow() {
      return failuresInARow;
    }

    public void setFailuresInARow(int failuresInARow) {
      this.failuresInARow = failuresInARow;
    }

    public Duration getMaxLag() {
      return maxLag;
    }

    public void setMaxLag(Duration maxLag) {
      this.maxLag = maxLag;
    }
  }
}
