package dev.tablesync.runtime.quartz;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.testing.Sql;
import java.util.Properties;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * One node of the cluster test, in a JVM of its own: a Quartz scheduler on the shared JDBC job
 * store running the cluster tables with {@link QuartzSync}. Every run is written to the run log
 * table before it starts and when it ends, with this JVM's clock (all nodes share the machine's).
 * Batches are slowed down so that runs last long enough to be killed in the middle.
 *
 * <p>Arguments: node name, JDBC driver class, Quartz delegate class, job store URL, source URL,
 * target URL, milliseconds to wait after each batch.
 */
public final class ClusterNode {

  /** The run log table the nodes write, in the target database. */
  static final String RUN_LOG =
      "CREATE TABLE cluster_run_log (sync_name VARCHAR(64) NOT NULL, node VARCHAR(64) NOT NULL,"
          + " fire_id VARCHAR(200) NOT NULL PRIMARY KEY, recovering INT NOT NULL,"
          + " started_ms BIGINT NOT NULL, finished_ms BIGINT)";

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    String node = args[0];
    String driver = args[1];
    String delegate = args[2];
    String jobStoreUrl = args[3];
    long batchPauseMillis = Long.parseLong(args[6]);
    HikariDataSource source = pool(args[4]);
    HikariDataSource target = pool(args[5]);

    SyncEngine engine =
        SyncEngine.builder()
            .dataSource("source", source)
            .dataSource("target", target)
            .table(new ParcelSync())
            .table(new ConsignmentSync())
            .table(new InvoiceSync())
            .table(new CarrierSync())
            .listener(
                new SyncListener() {
                  @Override
                  public void batchCommitted(BatchReport batch) {
                    pause(batchPauseMillis);
                  }
                })
            .build();

    Properties quartz = new Properties();
    quartz.setProperty("org.quartz.scheduler.instanceName", "tablesync-cluster-test");
    quartz.setProperty("org.quartz.scheduler.instanceId", node);
    quartz.setProperty("org.quartz.threadPool.threadCount", "4");
    quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    quartz.setProperty("org.quartz.jobStore.driverDelegateClass", delegate);
    quartz.setProperty("org.quartz.jobStore.dataSource", "jobs");
    quartz.setProperty("org.quartz.jobStore.isClustered", "true");
    quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
    quartz.setProperty("org.quartz.dataSource.jobs.provider", "hikaricp");
    quartz.setProperty("org.quartz.dataSource.jobs.driver", driver);
    quartz.setProperty("org.quartz.dataSource.jobs.URL", jobStoreUrl);
    quartz.setProperty("org.quartz.dataSource.jobs.maxConnections", "6");
    Scheduler scheduler = new StdSchedulerFactory(quartz).getScheduler();
    scheduler.getListenerManager().addJobListener(new RunLog(node, target));
    QuartzSync.register(scheduler, engine);
    scheduler.start();
    System.out.println("node " + node + " started");
    Thread.currentThread().join(); // until the test kills this JVM
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setMaximumPoolSize(6);
    return pool;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes each run's start and end to the run log. */
  private static final class RunLog implements JobListener {
    private final String node;
    private final HikariDataSource target;

    RunLog(String node, HikariDataSource target) {
      this.node = node;
      this.target = target;
    }

    @Override
    public String getName() {
      return "cluster-run-log";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
      Sql.execute(
          target,
          "INSERT INTO cluster_run_log (sync_name, node, fire_id, recovering, started_ms)"
              + " VALUES (?, ?, ?, ?, ?)",
          context.getJobDetail().getKey().getName(),
          node,
          context.getFireInstanceId(),
          context.isRecovering() ? 1 : 0,
          System.currentTimeMillis());
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {}

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
      Sql.execute(
          target,
          "UPDATE cluster_run_log SET finished_ms = ? WHERE fire_id = ?",
          System.currentTimeMillis(),
          context.getFireInstanceId());
    }
  }
}
