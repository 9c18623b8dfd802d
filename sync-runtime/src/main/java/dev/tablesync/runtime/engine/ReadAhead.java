package dev.tablesync.runtime.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * Reads the next batch (or snapshot chunk) on a thread of its own while the current one is
 * written, so that the source and the target work at once. One per session: the read uses the
 * session's source connection, which the session leaves alone until {@link #awaitRead} or {@link
 * #take} returns.
 *
 * <p>The rows are used only if the next batch starts where they were read from: another runner
 * may have moved the cursor, or the run may have stopped, in between. Rows read early are as good
 * as rows read late: a row changed since is read again by a later batch.
 *
 * @param <R> the table's record
 */
final class ReadAhead<R extends Record> implements AutoCloseable {

  private ExecutorService thread;
  private Position readAfter;
  private Future<SourceRows<R>> read;

  /** Starts {@code read}, the read of the rows after {@code after}. */
  void start(Position after, Callable<SourceRows<R>> read) {
    if (thread == null) {
      thread =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread reader = new Thread(task, "tablesync-read-ahead");
                reader.setDaemon(true);
                return reader;
              });
    }
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    readAfter = after;
    this.read =
        thread.submit(
            () -> {
              if (logContext != null) {
                MDC.setContextMap(logContext); // the read's log lines name the table too
              }
              return read.call();
            });
  }

  /** Keeps {@code rows}, read already after {@code after}, for {@link #take}. */
  void keep(Position after, SourceRows<R> rows) {
    readAfter = after;
    read = CompletableFuture.completedFuture(rows);
  }

  /** Waits until the read started last is done, keeping what it got for {@link #take}. */
  void awaitRead() {
    if (read == null) {
      return;
    }
    try {
      read.get();
    } catch (ExecutionException | InterruptedException kept) {
      if (kept instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // take() reports the failure, if the rows are wanted at all.
    }
  }

  /**
   * The rows after {@code reached}, if they were read ahead; empty when nothing was, or the read
   * started elsewhere, which is then dropped once it has left the source connection.
   *
   * @throws SQLException when the read ahead failed
   */
  Optional<SourceRows<R>> take(Position reached) throws SQLException {
    if (read == null) {
      return Optional.empty();
    }
    boolean wanted = Objects.equals(readAfter, reached);
    if (!wanted) {
      drop();
      return Optional.empty();
    }
    Future<SourceRows<R>> taken = read;
    read = null;
    readAfter = null;
    try {
      return Optional.of(taken.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading ahead", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SQLException("reading ahead failed", e.getCause());
    }
  }

  /** Drops the read ahead, after waiting for it to leave the source connection. */
  void drop() {
    awaitRead();
    read = null;
    readAfter = null;
  }

  @Override
  public void close() {
    drop();
    if (thread != null) {
      thread.shutdown();
    }
  }
}
