package dev.tablesync.runtime.status;

import dev.tablesync.runtime.ReconcileResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last reconciliation of one table, as kept in the target's reconcile table.
 *
 * @param name the sync's name
 * @param node the process that ran it ({@code pid@host})
 * @param started when it started
 * @param finished when it ended
 * @param outcome how it ended
 * @param found what it found and did; empty when it failed before it could say
 * @param error why it failed or refused; null when it succeeded
 */
public record ReconcileRecord(
    String name,
    String node,
    Instant started,
    Instant finished,
    Outcome outcome,
    Optional<ReconcileResult> found,
    String error) {

  /** How a reconciliation ended. */
  public enum Outcome {
    /** Every range compared and repaired, and the gone rows removed as declared. */
    SUCCEEDED,
    /** It refused to delete (an empty source, or beyond the delete guard); the rest was done. */
    REFUSED,
    /** A range failed; the ranges before it stay committed. */
    FAILED
  }

  public ReconcileRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(found, "found");
  }
}
