package dev.tablesync.runtime.engine;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Source rows read, or being read, after a position, before the batch that writes them has locked
 * the cursor row.
 *
 * @param <R> the table's record
 */
final class ReadAhead<R extends Record> {

  /** A read that may fail like JDBC does. */
  @FunctionalInterface
  interface Read<R extends Record> {
    SourceRows<R> run() throws SQLException;
  }

  private final Position after;
  private final Future<SourceRows<R>> rows;

  private ReadAhead(Position after, Future<SourceRows<R>> rows) {
    this.after = after;
    this.rows = rows;
  }

  /** Rows already read after {@code after}. */
  static <R extends Record> ReadAhead<R> done(Position after, SourceRows<R> rows) {
    return new ReadAhead<>(after, CompletableFuture.completedFuture(rows));
  }

  /** Starts {@code read} of the rows after {@code after} on {@code thread}. */
  static <R extends Record> ReadAhead<R> start(Position after, Executor thread, Read<R> read) {
    CompletableFuture<SourceRows<R>> rows = new CompletableFuture<>();
    thread.execute(
        () -> {
          try {
            rows.complete(read.run());
          } catch (SQLException | RuntimeException | Error e) {
            rows.completeExceptionally(e);
          }
        });
    return new ReadAhead<>(after, rows);
  }

  /** The position the rows were read after; null for the start of the table. */
  Position after() {
    return after;
  }

  /** The rows, once read; the read's own failure if it failed. */
  SourceRows<R> rows() throws SQLException {
    try {
      return rows.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading ahead", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) cause;
    }
  }

  /** Waits for the read to end and drops its rows or its failure. */
  void abandon() {
    try {
      rows();
    } catch (SQLException | RuntimeException ignored) {
      // Nobody needs these rows; a failure that matters shows in the batch that follows.
    }
  }
}
