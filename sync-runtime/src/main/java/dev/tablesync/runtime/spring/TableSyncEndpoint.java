package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.ReconcileRefusedException;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import java.util.List;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code tablesync} Actuator endpoint: the status of every table or of one (read), and a run,
 * a reconciliation or a reset of one table (write: {@code {"action": "run"}}, {@code {"action":
 * "reconcile"}} or {@code {"action": "reset"}}). Its access is read-only unless {@code
 * management.endpoint.tablesync.access=unrestricted}.
 */
@Endpoint(id = "tablesync", defaultAccess = Access.READ_ONLY)
public class TableSyncEndpoint {

  private final SyncEngine engine;

  TableSyncEndpoint(SyncEngine engine) {
    this.engine = engine;
  }

  /** Every table's status, in name order. */
  @ReadOperation
  public Tables tables() {
    return new Tables(engine.status().stream().map(TableView::of).toList());
  }

  /** One table's status; null (404) for an unknown table. */
  @ReadOperation
  public TableView table(@Selector String table) {
    return engine.tables().contains(table) ? TableView.of(engine.status(table)) : null;
  }

  /**
   * Runs the table until it is caught up, on the caller's thread (taking turns batch by batch
   * with a scheduled run of it), reconciles it by every column, or deletes its stored position so
   * that its next run copies it again. A reconciliation that refuses to delete answers with what
   * it found and why it refused.
   */
  @WriteOperation
  public Done act(@Selector String table, String action) {
    if (!engine.tables().contains(table)) {
      throw new InvalidEndpointRequestException(
          "no table is named '" + table + "'; the tables are " + engine.tables(),
          "no such table");
    }
    return switch (Action.of(action)) {
      case RUN -> RunView.of(engine.run(table));
      case RECONCILE -> reconcile(table);
      case RESET -> new ResetView(table, engine.reset(table));
    };
  }

  private ReconcileView reconcile(String table) {
    try {
      return ReconcileView.of(engine.reconcile(table), null);
    } catch (ReconcileRefusedException refused) {
      return ReconcileView.of(refused.result(), refused.getMessage());
    }
  }

  /** What the write operation does. */
  enum Action {
    RUN,
    RECONCILE,
    RESET;

    static Action of(String text) {
      for (Action action : values()) {
        if (action.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
          return action;
        }
      }
      throw new InvalidEndpointRequestException(
          "action must be one of " + List.of("run", "reconcile", "reset") + ", was " + text,
          "bad action");
    }
  }

  /** @param tables every table's status, in name order */
  public record Tables(List<TableView> tables) {}

  /** What a write operation did, one case per {@link Action}. */
  public sealed interface Done permits RunView, ReconcileView, ResetView {}

  /**
   * What a run from the endpoint did.
   *
   * @param table the sync's name
   * @param rowsRead rows read from the source
   * @param rowsWritten rows written to the target
   * @param batches batches committed
   * @param rowsDeadLettered rows set aside
   * @param cursor the cursor after the run, as text, or null
   * @param duration how long it took (ISO-8601)
   */
  public record RunView(
      String table,
      long rowsRead,
      long rowsWritten,
      int batches,
      long rowsDeadLettered,
      String cursor,
      String duration)
      implements Done {

    static RunView of(SyncResult result) {
      return new RunView(
          result.name(),
          result.rowsRead(),
          result.rowsWritten(),
          result.batches(),
          result.rowsDeadLettered(),
          result.cursor() == null ? null : result.cursor().toString(),
          result.duration().toString());
    }
  }

  /**
   * What a reconciliation from the endpoint found and did.
   *
   * @param table the sync's name
   * @param sourceRows rows the source query returned
   * @param targetRows rows the target table held
   * @param missing rows missing in the target
   * @param extra target rows whose key the source no longer returns
   * @param different rows whose columns differ
   * @param repaired rows written
   * @param deleted rows deleted or marked
   * @param leftToBatches rows changed after the stored position, left to the next batch
   * @param duration how long it took (ISO-8601)
   * @param refused why it deleted nothing, or null
   */
  public record ReconcileView(
      String table,
      long sourceRows,
      long targetRows,
      long missing,
      long extra,
      long different,
      long repaired,
      long deleted,
      long leftToBatches,
      String duration,
      String refused)
      implements Done {

    static ReconcileView of(ReconcileResult result, String refused) {
      return new ReconcileView(
          result.name(),
          result.sourceRows(),
          result.targetRows(),
          result.missing(),
          result.extra(),
          result.different(),
          result.repaired(),
          result.deleted(),
          result.leftToBatches(),
          result.duration().toString(),
          refused);
    }
  }

  /**
   * What a reset did.
   *
   * @param table the sync's name
   * @param hadPosition whether a stored position was deleted
   */
  public record ResetView(String table, boolean hadPosition) implements Done {}
}
