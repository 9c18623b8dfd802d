/**
 * One {@link dev.tablesync.runtime.dialect.Dialect} per database product, picked from the
 * connection by {@link dev.tablesync.runtime.dialect.Dialects#detect}.
 */
package dev.tablesync.runtime.dialect;
