package dev.tablesync.runtime;

import java.util.Optional;

/**
 * How one table's run in {@link SyncEngine#runAll()} ended.
 *
 * @param name the sync's name
 * @param result what the run did, when it succeeded
 * @param failure why it failed, when it did
 */
public record SyncOutcome(String name, Optional<SyncResult> result, Optional<SyncException> failure) {

  static SyncOutcome succeeded(SyncResult result) {
    return new SyncOutcome(result.name(), Optional.of(result), Optional.empty());
  }

  static SyncOutcome failed(String name, SyncException failure) {
    return new SyncOutcome(name, Optional.empty(), Optional.of(failure));
  }

  /** Whether the run caught up without failing. */
  public boolean succeeded() {
    return result.isPresent();
  }
}
