package dev.tablesync.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.StatementLog;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way the engine writes rows stores, for every type of the type matrix, what the upsert's
 * bind stores: compared in SQL on the target, column by column, with a table the generated code
 * filled by a plain one-row {@code INSERT}, as a reader of the target sees the columns. Reading
 * values back into the record's types would hide a difference the types round off (a float's
 * short text stored in a {@code DOUBLE} column reads back as the same float).
 */
class WritePathTest {

  private static final LocalDateTime CHANGED = LocalDateTime.of(2024, 3, 10, 2, 0, 0, 1_000);

  /** How the engine is made to write: each way it has. */
  enum WritePath {
    /** Batches from the first run: the multi-row upserts, and no chunks. */
    BATCHES {
      @Override
      SyncEngine.Builder configure(SyncEngine.Builder engine) {
        return engine.snapshot(false).backlogChunkSize(0);
      }
    },
    /** A snapshot: chunks through the target's bulk path, where it has one. */
    SNAPSHOT {
      @Override
      SyncEngine.Builder configure(SyncEngine.Builder engine) {
        return engine.snapshot(true).snapshotChunkSize(3);
      }
    },
    /**
     * A backlog: two batches of two rows, then chunks of three through the target's staged bulk
     * path, where it has one.
     */
    BACKLOG {
      @Override
      SyncEngine.Builder configure(SyncEngine.Builder engine) {
        return engine.snapshot(false).backlogChunkSize(3);
      }
    };

    abstract SyncEngine.Builder configure(SyncEngine.Builder engine);
  }

  /**
   * A target reached through one driver.
   *
   * @param label what the test case is called
   * @param route a source, and the server of the target
   * @param url how the target database's URL is changed for the driver and its options
   */
  record Target(String label, Route route, UnaryOperator<String> url) {
    @Override
    public String toString() {
      return label;
    }
  }

  private final OpenDatabases databases = new OpenDatabases();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  /**
   * One route into each product (and each external server), and the embedded MariaDB through
   * MySQL Connector/J with local data allowed too.
   */
  static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    Set<TestServer> seen = new HashSet<>();
    for (Route route : Route.everyProduct()) {
      if (route.source() != route.target() && seen.add(route.target())) {
        targets.add(new Target(route.toString(), route, UnaryOperator.identity()));
      }
    }
    Route intoMariaDb = new Route(TestServers.postgres(), TestServers.mariaDb());
    targets.add(
        new Target(
            intoMariaDb + " (MySQL Connector/J, allowLoadLocalInfile=true)",
            intoMariaDb,
            url -> url.replace("jdbc:mariadb:", "jdbc:mysql:") + "&allowLoadLocalInfile=true"));
    return targets;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void everyTypeIsStoredAsTheUpsertBindsIt(Target target) {
    boolean sqlServer =
        target.route().source().product() == TestServer.Product.SQLSERVER
            || target.route().target().product() == TestServer.Product.SQLSERVER;
    List<EveryType> matrix = TypeMatrixTest.values(!sqlServer);
    // Four rows first, which a backlog's first batches take before its chunks, and one last in
    // cursor order, which the batches after a snapshot read again at its high-water mark: the
    // matrix's rows between them go through each bulk path.
    List<EveryType> values = new ArrayList<>(Collections.nCopies(4, matrix.get(0)));
    values.addAll(matrix);
    values.add(matrix.get(0));
    List<EveryType> rows = TypeMatrixTest.changed(values, 0, CHANGED);

    assertEveryPathStoresWhatTheUpsertBinds(target, new EveryTypeSync(), rows, false);
    assertEveryPathStoresWhatTheUpsertBinds(
        target,
        new EveryBulkTypeSync(),
        rows.stream().map(row -> sameComponents(row, EveryBulkType.class)).toList(),
        true);
  }

  private <R extends Record> void assertEveryPathStoresWhatTheUpsertBinds(
      Target target, TableSync<R> sync, List<R> rows, boolean bulkPathTakesTheTable) {
    String name = sync.spec().name();
    String copy = sync.spec().targetTable();
    String byHand = copy + "_by_hand";
    TestServer.Product product = target.route().target().product();
    DataSource source = databases.create(target.route().source(), "paths_src");
    DataSource created = databases.create(target.route().target(), "paths_dst");
    DataSource into = databases.withUrl(target.url().apply(OpenDatabases.url(created)));
    Sql.execute(source, createTable(name, sync, target.route().source().product()));
    SyncedTables.insert(source, name, sync, rows);
    Sql.execute(into, createTable(byHand, sync, product));
    SyncedTables.insert(into, byHand, sync, rows);

    for (WritePath path : WritePath.values()) {
      Sql.execute(into, "DROP TABLE IF EXISTS " + copy);
      Sql.execute(into, createTable(copy, sync, product));
      StatementLog targetSql = new StatementLog();
      SyncEngine engine =
          path.configure(
                  SyncEngine.builder()
                      .dataSource("source", source)
                      .dataSource("target", targetSql.wrap(into))
                      // A cursor row of its own, so that each path starts the table afresh.
                      .cursorTable("cursor_" + path.name().toLowerCase(java.util.Locale.ROOT)))
              .table(sync)
              .build();

      engine.run(name);

      String context = name + " through " + path + " into " + target;
      if (path != WritePath.BATCHES) {
        boolean bulk = bulkPathTakesTheTable && product != TestServer.Product.H2
            && product != TestServer.Product.SQLSERVER;
        assertEquals(
            bulk, targetSql.count(WritePathTest::isBulkLoad) > 0, context + ": the bulk path");
      }
      assertSameColumns(into, byHand, copy, sync, rows.size(), context);
    }
  }

  /**
   * Fails with the rows and values of the first column whose stored values differ between the
   * two tables, compared by the target database itself.
   */
  private static void assertSameColumns(
      DataSource target, String expected, String actual, TableSync<?> sync, int rows,
      String context) {
    assertEquals(
        rows,
        Sql.query(target, "SELECT COUNT(*) FROM " + actual, rs -> rs.getInt(1)).get(0),
        context + ": rows");
    for (ColumnSpec column : sync.spec().columns()) {
      String c = column.name();
      List<String> differences =
          Sql.query(
              target,
              "SELECT e.id, e." + c + ", a." + c + " FROM " + expected + " e LEFT JOIN " + actual
                  + " a ON a.id = e.id WHERE CASE WHEN e." + c + " = a." + c + " OR (e." + c
                  + " IS NULL AND a." + c + " IS NULL) THEN 0 ELSE 1 END = 1 ORDER BY e.id",
              rs -> "id " + rs.getLong(1) + ": " + shown(rs.getString(2)) + " by the upsert's"
                  + " bind, " + shown(rs.getString(3)) + " by the engine");
      assertTrue(differences.isEmpty(), context + ", column " + c + ": " + differences);
    }
  }

  private static String shown(String text) {
    return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static boolean isBulkLoad(String sql) {
    return sql.startsWith("LOAD DATA LOCAL INFILE")
        || sql.startsWith("CREATE TEMPORARY TABLE pg_temp.tablesync_stage");
  }

  private static String createTable(String table, TableSync<?> sync, TestServer.Product product) {
    return SyncedTables.createTable(table, sync, product, TypeMatrixTest::typeName);
  }

  /** A record of {@code type} with the components of {@code row} that have its names. */
  private static <T extends Record> T sameComponents(Record row, Class<T> type) {
    try {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = row.getClass().getMethod(components[i].getName()).invoke(row);
      }
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
