package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What differs between database products: quoting, paging, upserts, row locks and the source's
 * clock. Every statement is rendered once per table when the engine starts; values are always
 * bind parameters.
 */
public interface Dialect {

  /** The product, as it appears in logs and errors. */
  String name();

  /**
   * How values of the types whose JDBC calls differ by database or driver are read and bound: the
   * same object for generated code and for the engine's cursors and keys.
   */
  ColumnValues columnValues();

  /** {@code identifier}, checked and quoted; a dotted name is quoted part by part. */
  String quote(String identifier);

  /**
   * The keyset read of one batch: the table's query wrapped to return its columns in spec order,
   * rows after a stored position (or from the start), ordered by cursor then key.
   *
   * @param afterPosition whether the read starts after a stored position
   * @param upperBound whether the cursor is bounded from above (a lag behind the source clock)
   */
  KeysetSelect keysetSelect(TableSpec table, boolean afterPosition, boolean upperBound);

  /**
   * The keyset read of the first batch after a snapshot: like {@link #keysetSelect}, but of the
   * rows whose cursor is at or after the stored cursor, whatever their key.
   *
   * @param upperBound whether the cursor is bounded from above (a lag behind the source clock)
   */
  KeysetSelect keysetSelectFromCursor(TableSpec table, boolean upperBound);

  /**
   * The read of one snapshot chunk: the table's query wrapped like {@link #keysetSelect}, rows
   * with a cursor, after a stored key (or from the first), ordered by key. Its position values
   * are the key's (elements 1 to n).
   */
  KeysetSelect snapshotSelect(TableSpec table, boolean afterKey);

  /**
   * A reconciliation's read of the source: the table's query wrapped, rows after a key (whose
   * values are elements 1 to n of the position) or from the first, ordered by key, one page. Its
   * columns are the spec's in order, or with {@code keysOnly} the key columns then the cursor.
   */
  KeysetSelect sourceKeyRange(TableSpec table, boolean keysOnly, boolean afterKey);

  /**
   * A reconciliation's read of the target table, like {@link #sourceKeyRange}, with the
   * soft-delete column last when the table marks rows that leave the source.
   */
  KeysetSelect targetKeyRange(TableSpec table, boolean keysOnly, boolean afterKey);

  /**
   * The read of up to {@code keys} source rows by key: the table's query wrapped like {@link
   * #keyedSelect}, with one parameter per key column per key, key after key.
   */
  String keysSelect(TableSpec table, int keys);

  /** Deletes one target row by its key, one parameter per key column. */
  String deleteByKey(TableSpec table);

  /**
   * Sets the soft-delete column of one target row, chosen by its key: to mark a row that left
   * the source ({@code gone}) or to clear the mark of one that came back. For a flag the first
   * parameter takes the flag, for a time the target's clock or NULL is written; then one
   * parameter per key column.
   */
  String softDelete(TableSpec table, boolean gone);

  /** A query of one row and column: how many rows the target table holds. */
  String countRows(TableSpec table);

  /**
   * A query of one row and column: the newest cursor among the table's source rows, at most a
   * bound (one parameter) when {@code upperBound}; where a snapshot hands over to batches.
   */
  String highWaterQuery(TableSpec table, boolean upperBound);

  /**
   * How the product takes many rows at once as a target, if it has a faster way than batched
   * upserts that stores the same values; whether the connection's driver can use it is decided
   * per load.
   */
  Optional<BulkLoader> bulkLoader(TableSpec table);

  /**
   * The bulk paths for rows whose keys the target may have already (a backlog), in the order to
   * try them: one that is faster where every key is new and declines otherwise (MySQL's {@code
   * LOAD DATA ... IGNORE}), then one through a staging table and one set-based upsert from it.
   * Empty when the product has no bulk path.
   */
  List<BulkLoader> backlogLoaders(TableSpec table);

  /**
   * The read of one row by its key: the table's query wrapped like {@link #keysetSelect}, with one
   * parameter per key column, in key order.
   */
  String keyedSelect(TableSpec table);

  /** Inserts one row, or updates every non-key column of the row with the same key. */
  default String upsert(TableSpec table) {
    return upsert(table, 1);
  }

  /**
   * Like {@link #upsert(TableSpec)} for {@code rows} rows in one statement, their parameters row
   * after row, each row's in spec column order. Its rows must have different keys.
   */
  String upsert(TableSpec table, int rows);

  /** The most bind parameters one statement may carry. */
  int maxParameters();

  /**
   * The most bytes one statement may take on {@code connection}'s server (MySQL's {@code
   * max_allowed_packet}), or {@link Long#MAX_VALUE} when only memory limits it.
   */
  long maxStatementBytes(Connection connection) throws SQLException;

  /**
   * Whether a statement that fails is undone by the database alone, the transaction and its locks
   * kept (InnoDB does so): then no savepoint is needed to write a rejected batch again row by
   * row. Elsewhere a failure may abort the transaction (PostgreSQL's does) unless a savepoint was
   * set.
   */
  boolean undoesFailedStatements();

  /**
   * A query of the target table that returns no rows, only its columns in spec order, so that
   * their declared sizes can be read from the result's metadata.
   */
  String targetColumns(TableSpec table);

  /** A query of one row and column: the database's current local date-time. */
  String currentTimestampQuery();

  /** A query of one row and column: the newest cursor among the table's source rows. */
  String newestCursorQuery(TableSpec table);

  /**
   * A query of one row and column: the database's current date-time in UTC, without a zone, for
   * cursors that are instants ({@code Instant}, {@code OffsetDateTime}).
   */
  String currentUtcTimestampQuery();

  /** The statements that keep cursors in {@code table}, a table in the target. */
  CursorTableSql cursorTable(String table);

  /** The statements that keep every sync's last run in {@code table}, a table in the target. */
  RunTableSql runTable(String table);

  /**
   * The statements that keep every sync's last reconciliation in {@code table}, a table in the
   * target.
   */
  ReconcileTableSql reconcileTable(String table);

  /** The statements that keep rows set aside in {@code table}, a table in the target. */
  DeadLetterSql deadLetterTable(String table);

  /**
   * What {@code error} means for a batch: worth a retry, about one row's data, or neither. Looks
   * at every exception chained to it, since drivers often wrap the one with the server's code.
   */
  ErrorKind classify(SQLException error);
}
