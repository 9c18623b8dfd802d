package dev.tablesync.runtime.engine;

/** How far a phase has come, for its retries and its error messages. */
interface PageProgress {

  /** Pages committed so far: a retry's attempts are counted from the last commit. */
  int pagesCommitted();

  /** The stored position as last seen, as messages name it. */
  String stored();
}
