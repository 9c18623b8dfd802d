package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.ReconcileDepth;
import dev.tablesync.runtime.ReconcileRefusedException;
import dev.tablesync.runtime.ReconcileResult;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncException;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.tables.BinSync;
import dev.tablesync.runtime.tables.FlaggedProductSync;
import dev.tablesync.runtime.tables.KeptProductSync;
import dev.tablesync.runtime.tables.MarkedProductSync;
import dev.tablesync.runtime.tables.ProductSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reconciliation on real servers, both ways: the target made equal to the source query (rows
 * deleted, rows that left the filter, rows missing or edited by hand), checked with SQL on both
 * databases, and the deletes it refuses.
 */
class ReconcileTest {

  static final LocalDateTime T0 = LocalDateTime.of(2024, 7, 1, 6, 30, 0, 123_456_000);

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void deletedForbiddenMissingAndEditedRowsAreRepaired(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 300);
      SyncEngine engine = products.engine(new ProductSync()).build();
      engine.run("product");
      assertEquals(300, products.targetView("").size());

      Sql.execute(products.source, "DELETE FROM product WHERE id <= 10");
      products.forbid(11, 20);
      Sql.execute(products.target, "DELETE FROM product_copy WHERE id BETWEEN 21 AND 25");
      Sql.execute(
          products.target, "UPDATE product_copy SET name = 'edited' WHERE id BETWEEN 26 AND 30");
      assertEquals(0, engine.run("product").rowsWritten(), "the sync moves nothing for them");

      ReconcileResult byKeys = engine.reconcile("product", ReconcileDepth.KEYS);

      assertEquals(280, byKeys.sourceRows());
      assertEquals(295, byKeys.targetRows());
      assertEquals(5, byKeys.missing());
      assertEquals(20, byKeys.extra());
      assertEquals(0, byKeys.different(), "keys and cursors do not show values edited by hand");
      assertEquals(5, byKeys.repaired());
      assertEquals(20, byKeys.deleted());
      assertEquals(
          5,
          Sql.query(products.target, "SELECT id FROM product_copy WHERE name = 'edited'", rs -> 1)
              .size());

      ReconcileResult full = engine.reconcile("product");

      assertEquals(5, full.different());
      assertEquals(5, full.repaired());
      assertEquals(0, full.missing() + full.extra() + full.deleted());
      assertEquals(products.sourceView(), products.targetView(""));
      assertTrue(engine.reconcile("product").inSync());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void keptRowsAreReportedAndStay(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 100);
      SyncEngine engine = products.engine(new KeptProductSync()).build();
      engine.run("kept_product");
      Sql.execute(products.source, "DELETE FROM product WHERE id > 90");

      ReconcileResult result = engine.reconcile("kept_product");

      assertEquals(10, result.extra());
      assertEquals(0, result.deleted());
      assertEquals(100, products.targetView("").size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aSoftDeleteMarksRowsThatLeaveAndClearsThemWhenTheyComeBack(Route route) {
    for (TableSync<?> sync : List.of(new MarkedProductSync(), new FlaggedProductSync())) {
      try (TestDatabases databases = new TestDatabases()) {
        Products products = new Products(route, databases, 100);
        String marked = sync instanceof MarkedProductSync ? "gone_at IS NOT NULL" : "is_gone = TRUE";
        String name = sync.spec().name();
        SyncEngine engine = products.engine(sync).build();
        engine.run(name);
        Sql.execute(products.source, "DELETE FROM product WHERE id <= 5");
        products.forbid(6, 10);
        engine.run(name);

        ReconcileResult gone = engine.reconcile(name);

        assertEquals(10, gone.deleted(), name);
        assertEquals(ids(1, 10), products.targetIds(marked), name);
        assertEquals(100, products.targetView("").size(), name + ": marked rows stay");
        assertEquals(0, engine.reconcile(name).deleted(), name + ": marked once");

        Sql.execute(
            products.source,
            "UPDATE product SET status = 'A', changed_at = ? WHERE id BETWEEN 6 AND 8",
            T0.plusSeconds(5_000));
        assertEquals(3, engine.run(name).rowsWritten());

        assertEquals(
            List.of(1L, 2L, 3L, 4L, 5L, 9L, 10L),
            products.targetIds(marked),
            name + ": the batch that brings rows back clears their marks");
        ReconcileResult back = engine.reconcile(name);
        assertEquals(0, back.repaired(), name + ": nothing is left to repair");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 9L, 10L), products.targetIds(marked), name);
        assertEquals(products.sourceView(), products.targetView("WHERE NOT (" + marked + ")"));
      }
    }
  }

  /**
   * A row the source changed after the stored position is the next batch's to write, not the
   * reconciliation's; a row committed with a change time the cursor had passed (beyond the lag)
   * is one no batch will read: the reconciliation writes it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aRowChangedAfterThePositionWaitsForItsBatchAndALateRowIsWritten(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 100);
      SyncEngine engine = products.engine(new ProductSync()).build();
      engine.run("product");
      Sql.execute(
          products.source,
          "UPDATE product SET name = 'newer', changed_at = ? WHERE id = 50",
          T0.plusSeconds(10_000));
      Sql.execute(
          products.source,
          "INSERT INTO product (id, name, price, status, changed_at) VALUES (500, 'late', 1.50,"
              + " 'A', ?)",
          T0);

      ReconcileResult result = engine.reconcile("product");

      assertEquals(1, result.missing());
      assertEquals(1, result.different());
      assertEquals(1, result.leftToBatches());
      assertEquals(1, result.repaired());
      assertEquals(ids(500, 500), products.targetIds("name = 'late'"));
      assertEquals(List.of(), products.targetIds("name = 'newer'"));
      engine.run("product");
      assertEquals(products.sourceView(), products.targetView(""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aCompositeKeyOfTextAndUuid(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(route.source(), "bin_src");
      DataSource target = databases.create(route.target(), "bin_dst");
      for (var side : List.of(List.of(source, route.source(), "bin"),
          List.of(target, route.target(), "bin_copy"))) {
        TestServer server = (TestServer) side.get(1);
        String uuid = server.product() == TestServer.Product.POSTGRESQL ? "UUID" : "CHAR(36)";
        Sql.execute(
            (DataSource) side.get(0),
            "CREATE TABLE " + side.get(2) + " (warehouse VARCHAR(10) NOT NULL, bin_id " + uuid
                + " NOT NULL, label VARCHAR(40), changed_at " + server.timestampType()
                + " NOT NULL, PRIMARY KEY (warehouse, bin_id))");
      }
      Sql.batch(
          source,
          "INSERT INTO bin (warehouse, bin_id, label, changed_at) VALUES (?, ?, ?, ?)",
          1,
          150,
          n -> List.of("W" + (n % 2), new UUID(n * 0x9E3779B97F4A7C15L, n), "bin " + n, T0));
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(new BinSync())
              .reconcileRangeSize(40)
              .build();
      engine.run("bin");
      Sql.execute(source, "DELETE FROM bin WHERE label IN ('bin 3', 'bin 4', 'bin 77')");
      Sql.execute(target, "DELETE FROM bin_copy WHERE label IN ('bin 10', 'bin 120')");
      Sql.execute(target, "UPDATE bin_copy SET label = 'moved' WHERE label = 'bin 99'");

      ReconcileResult result = engine.reconcile("bin");

      assertEquals(3, result.extra());
      assertEquals(3, result.deleted());
      assertEquals(2, result.missing());
      assertEquals(1, result.different());
      assertEquals(3, result.repaired());
      String select =
          "SELECT warehouse, bin_id, label, changed_at FROM %s ORDER BY warehouse, label";
      Sql.RowReader<String> text =
          rs -> rs.getString(1) + "|" + rs.getObject(2).toString() + "|" + rs.getString(3) + "|"
              + rs.getObject(4, LocalDateTime.class);
      assertEquals(
          Sql.query(source, select.formatted("bin"), text),
          Sql.query(target, select.formatted("bin_copy"), text));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void deletesBeyondTheGuardAreRefusedAndTheRestIsRepaired(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 300);
      SyncEngine engine = products.engine(new ProductSync()).build();
      engine.run("product");
      Sql.execute(products.source, "DELETE FROM product WHERE id <= 40");
      Sql.execute(products.target, "DELETE FROM product_copy WHERE id BETWEEN 100 AND 104");

      ReconcileRefusedException refused =
          assertThrows(ReconcileRefusedException.class, () -> engine.reconcile("product"));

      assertTrue(
          refused.getMessage().contains(
              "refused to delete 40 target rows the source no longer returns: that is 13.6% of"
                  + " the 295 target rows, more than the delete guard of 10.0% (at most 29"
                  + " rows); nothing was deleted"),
          refused.getMessage());
      assertEquals(5, refused.result().repaired(), "the missing rows are written all the same");
      assertEquals(300, products.targetView("").size());

      SyncEngine trusting = products.engine(new ProductSync()).deleteGuard(0.5).build();
      assertEquals(40, trusting.reconcile("product").deleted());
      assertEquals(products.sourceView(), products.targetView(""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void anEmptiedSourceDeletesNothing(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 50);
      SyncEngine engine = products.engine(new ProductSync()).deleteGuard(1).build();
      engine.run("product");
      Sql.execute(products.source, "DELETE FROM product");

      ReconcileRefusedException refused =
          assertThrows(ReconcileRefusedException.class, () -> engine.reconcile("product"));

      assertTrue(
          refused.getMessage().contains(
              "refused to delete any of the 50 target rows: the source query returned no rows"
                  + " at all"),
          refused.getMessage());
      assertEquals(50, products.targetView("").size());
    }
  }

  /**
   * The source fails two ranges after the rows it deleted were found: the failure is not taken
   * for rows that are gone, and nothing is deleted.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aSourceThatFailsMidReadDeletesNothing(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 300);
      SyncEngine engine = products.engine(new ProductSync()).reconcileRangeSize(100).build();
      engine.run("product");
      Sql.execute(products.source, "DELETE FROM product WHERE id <= 10");
      products.failReadingRow(250);

      SyncException failed =
          assertThrows(SyncException.class, () -> engine.reconcile("product"));

      assertTrue(failed.getMessage().contains("source failed at row 250"), failed.getMessage());
      assertEquals(300, products.targetView("").size(), "nothing deleted");
    }
  }

  /** The same repairs on every product, H2 and any external server included, as either side. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tablesync.runtime.testing.Route#everyProduct")
  void onEveryProduct(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 60);
      SyncEngine engine = products.engine(new ProductSync()).reconcileRangeSize(25).build();
      engine.run("product");
      Sql.execute(products.source, "DELETE FROM product WHERE id <= 3");
      products.forbid(4, 5);
      Sql.execute(products.target, "DELETE FROM product_copy WHERE id BETWEEN 30 AND 31");
      Sql.execute(products.target, "UPDATE product_copy SET price = 0 WHERE id = 40");

      ReconcileResult result = engine.reconcile("product");

      assertEquals(List.of(5L, 2L, 1L, 3L, 5L), List.of(result.extra(), result.missing(),
          result.different(), result.repaired(), result.deleted()), result.toString());
      assertEquals(products.sourceView(), products.targetView(""));
    }
  }

  /**
   * A reconciliation beside a thread that keeps changing the source and syncing: it takes turns
   * with the batches range by range, never deletes a row (none left the source), never writes
   * back an older version; once the writer stops, one more writes the rows it inserted behind the
   * cursor, and the next finds the two sides equal.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void reconcilingWhileAnotherThreadSyncsAndTheSourceChanges(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 500);
      SyncEngine engine = products.engine(new ProductSync()).reconcileRangeSize(50).build();
      engine.run("product");
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.CompletableFuture<Void> writer =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                for (int round = 1; round <= 20; round++) {
                  Sql.execute(
                      products.source,
                      "UPDATE product SET name = ?, changed_at = ? WHERE MOD(id, 20) = ?",
                      "round " + round,
                      T0.plusSeconds(10_000 + round),
                      round % 20);
                  products.insert(1_000 + round * 5L, 1_000 + round * 5L + 4);
                  engine.run("product");
                }
                done.set(true);
              });
      List<ReconcileResult> during = new java.util.ArrayList<>();
      while (!done.get() && !writer.isCompletedExceptionally()) {
        during.add(engine.reconcile("product"));
      }
      writer.get();
      engine.run("product");
      // The writer's last rows may have come after the last reconciliation beside it began; they
      // were inserted behind the cursor, so only a reconciliation writes them.
      ReconcileResult settled = engine.reconcile("product");
      ReconcileResult last = engine.reconcile("product");

      assertTrue(during.size() > 0);
      assertEquals(0, during.stream().mapToLong(ReconcileResult::deleted).sum(), during.toString());
      assertEquals(settled.missing(), settled.repaired(), settled.toString());
      assertEquals(0, settled.deleted(), settled.toString());
      assertTrue(last.inSync(), last.toString());
      assertEquals(products.sourceView(), products.targetView(""));
    }
  }

  /**
   * A reconciliation killed with SIGKILL mid-way leaves whole ranges: the rows it repaired are
   * those of the first ranges in key order, nothing was deleted, and a second one finishes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void killedMidReconcileThenRunAgain(Route route) throws Exception {
    try (TestDatabases databases = new TestDatabases()) {
      Products products = new Products(route, databases, 2_000);
      SyncEngine engine = products.engine(new ProductSync()).build();
      engine.run("product");
      Sql.execute(products.source, "DELETE FROM product WHERE MOD(id, 50) = 7");
      Sql.execute(products.target, "UPDATE product_copy SET name = 'edited' WHERE MOD(id, 10) = 3");
      try (SyncProcess child =
          SyncProcess.start(
              List.of(),
              List.of(
                  "--source", TestDatabases.url(products.source),
                  "--target", TestDatabases.url(products.target),
                  "--reconcile", "100",
                  "--pause-ms", "100",
                  ProductSync.class.getName()),
              java.util.Map.of(),
              java.nio.file.Path.of("target", "sync-processes", "reconcile-kill.log"))) {
        child.await(line -> line.equals("range product 5"), java.time.Duration.ofSeconds(60));
        child.kill();
      }

      List<Long> edited = products.targetIds("name = 'edited'");
      long firstLeft = edited.get(0);
      assertEquals(
          ids(0, 199).stream().map(i -> i * 10 + 3).filter(id -> id >= firstLeft).toList(),
          edited,
          "the edits left are those after the last committed range, every one of them");
      assertTrue(firstLeft > 3, "some ranges were committed");
      assertEquals(2_000, products.targetView("").size(), "nothing deleted");

      ReconcileResult again = engine.reconcile("product");

      assertEquals(40, again.deleted());
      assertEquals(products.sourceView(), products.targetView(""));
    }
  }

  private static List<Long> ids(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** The product tables on both sides of a route, and their rows as SQL reads them. */
  static final class Products {
    final DataSource source;
    final DataSource target;
    private final Route route;

    Products(Route route, TestDatabases databases, int rows) {
      this.route = route;
      source = databases.create(route.source(), "product_src");
      target = databases.create(route.target(), "product_dst");
      Sql.execute(
          source,
          "CREATE TABLE product (id BIGINT PRIMARY KEY, name VARCHAR(100), price DECIMAL(12,2),"
              + " status CHAR(1) NOT NULL, changed_at " + route.source().timestampType()
              + " NOT NULL)");
      Sql.execute(
          target,
          "CREATE TABLE product_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
              + " price DECIMAL(12,2), changed_at " + route.target().timestampType()
              + " NOT NULL, is_gone BOOLEAN DEFAULT FALSE NOT NULL, gone_at "
              + route.target().timestampType() + " NULL)");
      insert(1, rows);
    }

    void insert(long from, long to) {
      Sql.batch(
          source,
          "INSERT INTO product (id, name, price, status, changed_at) VALUES (?, ?, ?, 'A', ?)",
          from,
          to,
          n -> List.of(n, "product " + n, BigDecimal.valueOf(n * 7, 2), T0.plusSeconds(n)));
    }

    SyncEngine.Builder engine(TableSync<?> sync) {
      return SyncEngine.builder()
          .dataSource("source", source)
          .dataSource("target", target)
          .table(sync);
    }

    /** The ERP forbids rows: their status changes, and with it their change time. */
    void forbid(long from, long to) {
      Sql.execute(
          source,
          "UPDATE product SET status = 'B', changed_at = ? WHERE id BETWEEN ? AND ?",
          T0.plusSeconds(1_000),
          from,
          to);
    }

    /**
     * Puts a view in the table's place whose read fails with a server error when it reaches row
     * {@code id}, as a source that breaks mid-read does.
     */
    void failReadingRow(long id) {
      boolean postgres = route.source().product() == TestServer.Product.POSTGRESQL;
      String message = "source failed at row " + id;
      if (postgres) {
        Sql.execute(source, "ALTER TABLE product RENAME TO product_rows");
        Sql.execute(
            source,
            "CREATE FUNCTION checked(i BIGINT) RETURNS BIGINT AS $$ BEGIN IF i = " + id
                + " THEN RAISE EXCEPTION '" + message + "'; END IF; RETURN i; END $$"
                + " LANGUAGE plpgsql");
      } else {
        Sql.execute(source, "RENAME TABLE product TO product_rows");
        Sql.execute(
            source,
            "CREATE FUNCTION checked(i BIGINT) RETURNS BIGINT DETERMINISTIC BEGIN IF i = " + id
                + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + message + "'; END IF;"
                + " RETURN i; END");
      }
      Sql.execute(
          source,
          "CREATE VIEW product AS SELECT checked(id) AS id, name, price, status, changed_at"
              + " FROM product_rows");
    }

    /** The source query's rows, each as text of the values SQL reads. */
    List<String> sourceView() {
      return Sql.query(
          source,
          "SELECT id, name, price, changed_at FROM product WHERE status = 'A' ORDER BY id",
          Products::text);
    }

    /** The target's rows matching {@code where}, each as text of the values SQL reads. */
    List<String> targetView(String where) {
      return Sql.query(
          target,
          "SELECT id, name, price, changed_at FROM product_copy " + where + " ORDER BY id",
          Products::text);
    }

    List<Long> targetIds(String condition) {
      return Sql.query(
          target,
          "SELECT id FROM product_copy WHERE " + condition + " ORDER BY id",
          rs -> rs.getLong(1));
    }

    private static String text(java.sql.ResultSet rs) throws java.sql.SQLException {
      return rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3).toPlainString()
          + "|" + rs.getObject(4, LocalDateTime.class);
    }
  }
}
