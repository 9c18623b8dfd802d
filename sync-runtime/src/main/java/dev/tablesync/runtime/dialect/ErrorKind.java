package dev.tablesync.runtime.dialect;

/** What an error from a database means for the batch that met it. */
public enum ErrorKind {
  /**
   * Likely to pass if the batch is tried again after a pause, on a new connection: a deadlock, a
   * lock wait timeout, a lost or killed connection, a server restarting.
   */
  TRANSIENT,
  /**
   * About a value of one row: too long, out of range, invalid, or against a constraint. The other
   * rows of the batch may be fine.
   */
  BAD_DATA,
  /** Anything else, such as a missing table or a missing privilege: trying again will not help. */
  OTHER
}
