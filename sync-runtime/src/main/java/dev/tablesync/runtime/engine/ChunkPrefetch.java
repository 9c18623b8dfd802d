package dev.tablesync.runtime.engine;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a snapshot's next chunk on a thread of its own while the current one is written, so that
 * the source and the target work at once. One per session: the read uses the session's source
 * connection, which the session leaves alone until {@link #awaitRead} returns.
 *
 * <p>The rows are used only if the next chunk starts where they were read from: another runner
 * may have taken a chunk, or the run may have stopped, in between. Rows read early are as good as
 * rows read late: the high-water mark was taken before either, and a row changed since is read
 * again after the hand-over.
 *
 * @param <R> the table's record
 */
final class ChunkPrefetch<R extends Record> implements AutoCloseable {

  private ExecutorService thread;
  private Position readAfter;
  private Future<SourceRows<R>> read;

  /** Starts {@code chunkRead}, the read of the chunk after {@code after} (a snapshot's state). */
  void start(Position after, Callable<SourceRows<R>> chunkRead) {
    if (thread == null) {
      thread =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread reader = new Thread(task, "tablesync-snapshot-read");
                reader.setDaemon(true);
                return reader;
              });
    }
    readAfter = after;
    read = thread.submit(chunkRead);
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
   * The rows of the chunk after {@code reached}, if they were read ahead; empty when nothing was,
   * or the read started elsewhere, which is then dropped.
   *
   * @throws SQLException when the read ahead failed
   */
  Optional<SourceRows<R>> take(Position reached) throws SQLException {
    if (read == null) {
      return Optional.empty();
    }
    Future<SourceRows<R>> taken = read;
    boolean wanted = readAfter.equals(reached);
    read = null;
    readAfter = null;
    if (!wanted) {
      return Optional.empty();
    }
    try {
      return Optional.of(taken.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading a snapshot chunk ahead", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SQLException("reading a snapshot chunk ahead failed", e.getCause());
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
