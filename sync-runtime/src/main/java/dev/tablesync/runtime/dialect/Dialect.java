package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.TableSpec;

/**
 * What differs between database products: quoting, paging, upserts, row locks and the source's
 * clock. Every statement is rendered once per table when the engine starts; values are always
 * bind parameters.
 */
public interface Dialect {

  /** The product, as it appears in logs and errors. */
  String name();

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

  /** Inserts one row, or updates every non-key column of the row with the same key. */
  String upsert(TableSpec table);

  /** A query of one row and column: the database's current local date-time. */
  String currentTimestampQuery();

  /** A query of one row and column: the newest cursor among the table's source rows. */
  String newestCursorQuery(TableSpec table);

  /** The statements that keep cursors in {@code table}, a table in the target. */
  CursorTableSql cursorTable(String table);
}
