/**
 * The contract between generated code and the runtime: every {@code @SyncTable} record becomes a
 * {@link dev.tablesync.runtime.spi.TableSync} described by a {@link
 * dev.tablesync.runtime.spi.TableSpec}, which reads and binds the few types whose JDBC calls
 * differ by database through the dialect's {@link dev.tablesync.runtime.spi.ColumnValues}. Users
 * do not implement these by hand.
 */
package dev.tablesync.runtime.spi;
