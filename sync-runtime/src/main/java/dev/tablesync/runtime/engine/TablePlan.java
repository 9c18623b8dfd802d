package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.Dialect;
import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.spi.TableSpec;

/**
 * Every statement one table needs, rendered once when the engine starts.
 *
 * @param firstRead the read of a sync with no stored position
 * @param nextRead the read after a stored position
 * @param upsert the upsert of one row into the target
 * @param sourceClock the query of the source's current time, used when the table has a lag
 * @param newestCursor the query of the source's newest cursor, for status views
 */
record TablePlan(
    KeysetSelect firstRead,
    KeysetSelect nextRead,
    String upsert,
    String sourceClock,
    String newestCursor) {

  static TablePlan of(TableSpec table, Dialect source, Dialect target) {
    boolean lag = table.lagSeconds() > 0;
    return new TablePlan(
        source.keysetSelect(table, false, lag),
        source.keysetSelect(table, true, lag),
        target.upsert(table),
        source.currentTimestampQuery(),
        source.newestCursorQuery(table));
  }
}
