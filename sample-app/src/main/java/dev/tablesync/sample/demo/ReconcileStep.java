package dev.tablesync.sample.demo;

import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.sample.tables.SupplierSync;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The demo's reconciliation: the ERP deletes 50 suppliers and forbids 50 more, which a sync
 * cannot see (the forbidden ones leave its query); a reconciliation removes the 100 from the
 * warehouse, which then holds exactly what the query returns.
 */
public final class ReconcileStep {

  private static final int DELETED = 50;
  private static final int FORBIDDEN = 50;

  private final PrintStream out;

  public ReconcileStep(PrintStream out) {
    this.out = out;
  }

  /** Runs the step on the demo's databases, after its syncs; whether everything came out right. */
  public boolean run(SyncEngine engine, DataSource erp, DataSource wms) throws SQLException {
    out.printf(
        "  the ERP deletes %d suppliers and forbids %d more%n", DELETED, FORBIDDEN);
    List<Long> gone = changeErp(erp);
    SyncResult sync = engine.run("supplier");
    long stillThere = countInTarget(wms, gone);
    out.printf(
        "  a sync moves %,d rows for them; the warehouse still holds %d of the %d%n",
        sync.rowsRead(), stillThere, gone.size());
    ReconcileResult result = engine.reconcile("supplier");
    out.println("  " + result);
    long left = countInTarget(wms, gone);
    TableComparison.Outcome outcome = TableComparison.compare(new SupplierSync(), erp, wms);
    out.printf(
        "  after it the warehouse holds %d of them, and %s the query's %,d rows%n",
        left,
        outcome.identical() ? "exactly" : "NOT (" + outcome.differing() + " rows differ)",
        outcome.sourceRows());
    return sync.rowsRead() == 0
        && stillThere == gone.size()
        && result.deleted() == gone.size()
        && left == 0
        && outcome.identical();
  }

  /** Deletes and forbids enabled suppliers in the ERP; the ids of both, in that order. */
  private static List<Long> changeErp(DataSource erp) throws SQLException {
    List<Long> enabled = new ArrayList<>();
    try (Connection connection = erp.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT FSUPPLIERID FROM dbo.T_BD_SUPPLIER"
                      + " WHERE FDOCUMENTSTATUS = 'C' AND FFORBIDSTATUS = 'A' ORDER BY FSUPPLIERID");
          ResultSet rows = select.executeQuery()) {
        // Every 7th, so that the rows gone are spread over the key ranges.
        for (int n = 0; rows.next() && enabled.size() < DELETED + FORBIDDEN; n++) {
          if (n % 7 == 3) {
            enabled.add(rows.getLong(1));
          }
        }
      }
      try (PreparedStatement deleteName =
              connection.prepareStatement("DELETE FROM dbo.T_BD_SUPPLIER_L WHERE FSUPPLIERID = ?");
          PreparedStatement delete =
              connection.prepareStatement("DELETE FROM dbo.T_BD_SUPPLIER WHERE FSUPPLIERID = ?");
          PreparedStatement forbid =
              connection.prepareStatement(
                  "UPDATE dbo.T_BD_SUPPLIER SET FFORBIDSTATUS = 'B', FMODIFYDATE = ?"
                      + " WHERE FSUPPLIERID = ?")) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now().withNano(0));
        for (int i = 0; i < enabled.size(); i++) {
          long id = enabled.get(i);
          if (i < DELETED) {
            deleteName.setLong(1, id);
            deleteName.addBatch();
            delete.setLong(1, id);
            delete.addBatch();
          } else {
            forbid.setTimestamp(1, now);
            forbid.setLong(2, id);
            forbid.addBatch();
          }
        }
        deleteName.executeBatch();
        delete.executeBatch();
        forbid.executeBatch();
      }
      connection.commit();
    }
    return enabled;
  }

  /** How many of the suppliers {@code ids} the warehouse holds, counted in SQL. */
  private static long countInTarget(DataSource wms, List<Long> ids) throws SQLException {
    long count = 0;
    try (Connection connection = wms.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT COUNT(*) FROM wms_supplier WHERE supplier_id = ?")) {
      for (long id : ids) {
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          count += rows.getLong(1);
        }
      }
    }
    return count;
  }
}
