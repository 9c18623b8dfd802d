package dev.tablesync.runtime.quartz;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * A Quartz job that reconciles one table, named by the job's data under {@link
 * TableSyncJob#TABLE}, with every mapped column compared, using the engine {@link
 * QuartzSync#register} put in the scheduler's context. Quartz never runs two of these for one
 * table at once, on any node of a cluster.
 */
@DisallowConcurrentExecution
public final class ReconcileJob implements Job {

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String table = context.getMergedJobDataMap().getString(TableSyncJob.TABLE);
    SyncEngine engine;
    try {
      engine = QuartzSync.engine(context.getScheduler());
    } catch (SchedulerException e) {
      throw new JobExecutionException(e);
    }
    try {
      engine.reconcile(table);
    } catch (SyncException | IllegalArgumentException e) {
      // The next trigger time tries again; a refusal needs a person, not a refire.
      throw new JobExecutionException(e, false);
    }
  }
}
