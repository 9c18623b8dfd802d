package dev.tablesync.runtime.quartz;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * A Quartz job that syncs one table, named by the job's data under {@link #TABLE}, with the
 * engine {@link QuartzSync#register} put in the scheduler's context. Quartz never runs two of
 * these for one job at once, on any node of a cluster. {@code Scheduler.interrupt} stops it after
 * the batch in flight commits.
 */
@DisallowConcurrentExecution
public final class TableSyncJob implements InterruptableJob {

  /** The job data key of the table's name. */
  public static final String TABLE = "table";

  private final AtomicBoolean interrupted = new AtomicBoolean();

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String table = context.getMergedJobDataMap().getString(TABLE);
    SyncEngine engine;
    try {
      engine = QuartzSync.engine(context.getScheduler());
    } catch (SchedulerException e) {
      throw new JobExecutionException(e);
    }
    try {
      engine.run(table, interrupted::get);
    } catch (SyncException | IllegalArgumentException e) {
      // The next trigger time retries; refiring at once would hammer a broken source.
      throw new JobExecutionException(e, false);
    }
  }

  @Override
  public void interrupt() {
    interrupted.set(true);
  }
}
