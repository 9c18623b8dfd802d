package dev.tablesync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.metrics.EngineMetrics;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.ChildJvm;
import dev.tablesync.runtime.testing.Sql;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A host app as many are: Logback for logging, no Micrometer, no Spring, and only the JDBC driver
 * it uses. Runs in a JVM whose class path is the tests' less every Micrometer and Spring jar,
 * slf4j-simple and the MariaDB, MySQL and PostgreSQL drivers, so that Logback (configured by the
 * tests' {@code logback-test.xml}) prints each line's MDC. The runtime must load and sync (a snapshot, on H2)
 * without Micrometer, Spring or those drivers, and every line the engine logs during a run must name the
 * table.
 */
class PlainHostTest {

  /** Where the drivers whose APIs the bulk paths use sit in a Maven repository. */
  private static final List<String> DRIVER_JARS =
      List.of("/org/mariadb/jdbc/", "/com/mysql/", "/org/postgresql/");

  @Test
  void syncsWithoutMicrometerAndEveryEngineLogLineOfARunNamesItsTable() throws Exception {
    Path log = Path.of("target", "plain-host.log");
    Process child =
        ChildJvm.start(
            ChildJvm.testClassPathWithout(
                entry ->
                    entry.contains("micrometer")
                        || entry.contains("slf4j-simple")
                        || entry.contains("/org/springframework/")
                        || DRIVER_JARS.stream().anyMatch(entry::contains)),
            Host.class,
            log);
    try {
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
      assertEquals(0, child.exitValue(), ChildJvm.tail(log, 30));
      List<String> lines = Files.readAllLines(log);
      assertTrue(
          lines.contains("synced 40 rows without Micrometer or driver jars"), ChildJvm.tail(log, 30));
      // Building the engine logs each data source, before any run and for no one table.
      List<String> engineLines =
          lines.stream()
              .filter(line -> line.matches("log\\|[^|]*\\|dev\\.tablesync\\..*"))
              .filter(line -> !line.contains("|dev.tablesync.runtime.engine.EngineTables|"))
              .toList();
      assertTrue(engineLines.size() >= 3, "too few engine log lines: " + lines);
      for (String line : engineLines) {
        assertTrue(line.startsWith("log|item|"), "no table in the MDC: " + line);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  /** The host: syncs a table between two in-memory H2 databases, then fails a run. */
  public static final class Host {
    public static void main(String[] args) {
      try {
        Class.forName(EngineMetrics.MICROMETER_CLASS);
        throw new AssertionError("Micrometer is on the class path");
      } catch (ClassNotFoundException expected) {
        // what this JVM is for
      }
      try {
        Class.forName("org.springframework.core.SpringVersion");
        throw new AssertionError("Spring is on the class path");
      } catch (ClassNotFoundException expected) {
        // nor any Spring class at all
      }
      JdbcDataSource source = h2("jdbc:h2:mem:source;DB_CLOSE_DELAY=-1");
      JdbcDataSource target = h2("jdbc:h2:mem:target;DB_CLOSE_DELAY=-1");
      Sql.execute(source, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(100),"
          + " price DECIMAL(12,2), changed_at TIMESTAMP(6) NOT NULL, deleted INT DEFAULT 0)");
      Sql.execute(target, "CREATE TABLE item_copy (id BIGINT PRIMARY KEY, name VARCHAR(100),"
          + " price DECIMAL(12,2), changed_at TIMESTAMP(6) NOT NULL)");
      Sql.batch(source, "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)", 1, 40,
          id -> List.of(id, "item " + id, BigDecimal.TEN, LocalDateTime.of(2024, 1, 1, 0, 0)));
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(new ItemSync())
              .build();
      long written = engine.run("item").rowsWritten();
      if (engine.status("item").rowsSynced() != written) {
        throw new AssertionError("status disagrees with the run");
      }
      long rows = Sql.query(target, "SELECT COUNT(*) FROM item_copy", rs -> rs.getLong(1)).get(0);
      Sql.execute(target, "DROP TABLE item_copy");
      Sql.execute(
          source,
          "INSERT INTO item (id, name, price, changed_at) VALUES (?, ?, ?, ?)",
          41,
          "item 41",
          BigDecimal.TEN,
          LocalDateTime.of(2024, 1, 2, 0, 0));
      try {
        engine.run("item");
        throw new AssertionError("a run into a dropped table succeeded");
      } catch (SyncException expected) {
        // logged by the engine, with the table in the MDC
      }
      System.out.println("synced " + rows + " rows without Micrometer or driver jars");
    }

    private static JdbcDataSource h2(String url) {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL(url);
      return dataSource;
    }
  }
}
