package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.BusyPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page of a table's work as one target transaction: lock the sync's cursor row, do the page,
 * commit what it stored, or roll it all back. Batches, snapshot chunks and reconciled key ranges
 * are all pages, so two runners of one table take turns page by page whatever each is doing, and
 * a failure anywhere in a page leaves none of it behind.
 */
final class PageTransaction {

  private static final Logger log = LoggerFactory.getLogger(PageTransaction.class);

  private final CursorStore cursors;
  private final String syncName;
  private final BusyPolicy whenBusy;

  PageTransaction(CursorStore cursors, String syncName, BusyPolicy whenBusy) {
    this.cursors = cursors;
    this.syncName = syncName;
    this.whenBusy = whenBusy;
  }

  /** The work of one page, given the cursor row it holds locked. */
  @FunctionalInterface
  interface Page<T> {
    PageEnd<T> run(CursorStore.StoredCursor locked) throws SQLException;
  }

  /**
   * How a page ended: what it returns, whether what it did is committed or rolled back (a page
   * that found nothing to do), and what follows once the transaction has ended.
   */
  record PageEnd<T>(T value, boolean commit, Runnable afterEnd) {
    static <T> PageEnd<T> committed(T value, Runnable afterCommit) {
      return new PageEnd<>(value, true, afterCommit);
    }

    static <T> PageEnd<T> rolledBack(T value) {
      return new PageEnd<>(value, false, () -> {});
    }
  }

  /**
   * Runs {@code page} in one transaction of {@code to}, which must not auto-commit. Empty when
   * another runner holds the cursor row and the engine skips busy tables.
   */
  <T> Optional<T> run(Connection to, Page<T> page) throws SQLException {
    boolean ended = false;
    try {
      Optional<CursorStore.StoredCursor> locked =
          whenBusy == BusyPolicy.SKIP
              ? cursors.tryLockRow(to, syncName)
              : cursors.lockRow(to, syncName);
      if (locked.isEmpty()) {
        if (whenBusy != BusyPolicy.SKIP) {
          throw new SQLException("the cursor row of " + syncName + " vanished");
        }
        to.rollback();
        ended = true;
        return Optional.empty();
      }
      PageEnd<T> end = page.run(locked.get());
      if (end.commit()) {
        to.commit();
      } else {
        to.rollback();
      }
      ended = true;
      end.afterEnd().run();
      return Optional.of(end.value());
    } finally {
      if (!ended) {
        rollbackQuietly(to);
      }
    }
  }

  private void rollbackQuietly(Connection to) {
    try {
      to.rollback();
    } catch (SQLException e) {
      log.warn("{}: rollback failed: {}", syncName, Redaction.describe(e));
    }
  }
}
