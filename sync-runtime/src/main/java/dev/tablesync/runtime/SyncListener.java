package dev.tablesync.runtime;

/**
 * Hears about progress, for progress lines and metrics. Called on the thread that runs the
 * table; keep it quick.
 */
public interface SyncListener {

  /** A batch was committed. */
  default void batchCommitted(BatchReport batch) {}

  /** A run finished: caught up, with every batch committed. */
  default void runFinished(SyncResult result) {}

  /** A run failed; batches committed before the failure stay committed. */
  default void runFailed(String name, SyncException failure) {}

  /** A key range of a reconciliation was committed; {@code soFar} counts every range until now. */
  default void reconcileProgress(ReconcileResult soFar) {}

  /** A reconciliation finished: every range compared, repaired, and gone rows removed. */
  default void reconcileFinished(ReconcileResult result) {}

  /**
   * A reconciliation failed, or refused to delete ({@link ReconcileRefusedException}); ranges
   * committed before stay committed.
   */
  default void reconcileFailed(String name, SyncException failure) {}
}
