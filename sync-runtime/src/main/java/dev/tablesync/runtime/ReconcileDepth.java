package dev.tablesync.runtime;

/** How closely a reconciliation compares the target with the source. */
public enum ReconcileDepth {
  /**
   * By key and cursor only: finds rows deleted in the source, rows that left the query, rows
   * missing in the target and rows whose change time differs. Reads two columns of a wide table.
   */
  KEYS,
  /**
   * Every mapped column, compared as the typed values the generated code reads on each side
   * (numbers by value, bytes by content, instants as instants): also finds target values edited
   * by hand, whatever the change time says.
   */
  FULL
}
