package dev.tablesync.runtime;

/**
 * What {@link SyncEngine#retryDeadLetters} did: each dead-lettered row was read again from the
 * source by its key and written, or kept with its new error, or dropped because the source query
 * no longer returns it.
 *
 * @param syncName the sync
 * @param written rows written to the target and removed from the dead-letter table
 * @param stillBad rows that failed again, kept with the new error
 * @param gone rows the source query no longer returns, removed from the dead-letter table
 */
public record DeadLetterRetry(String syncName, int written, int stillBad, int gone) {}
