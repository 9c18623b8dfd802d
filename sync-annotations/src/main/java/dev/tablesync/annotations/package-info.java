/**
 * The annotations that declare a synced table: {@link dev.tablesync.annotations.SyncTable} on a
 * record, {@link dev.tablesync.annotations.SyncKey}, {@link dev.tablesync.annotations.SyncCursor}
 * and {@link dev.tablesync.annotations.SyncColumn} on its components.
 */
package dev.tablesync.annotations;
