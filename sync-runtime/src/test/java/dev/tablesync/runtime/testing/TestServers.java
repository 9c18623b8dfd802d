package dev.tablesync.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real servers tests run against: an embedded MariaDB 11 and an embedded PostgreSQL, started
 * on first use and shared by every test in the JVM, an in-memory H2, plus any server named by
 * these environment variables (a JDBC URL with credentials, naming an existing database):
 *
 * <ul>
 *   <li>{@code TABLESYNC_TEST_MARIADB_URL}, e.g. {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}
 *   <li>{@code TABLESYNC_TEST_MYSQL_URL}, e.g. {@code jdbc:mysql://127.0.0.1:3306/test?user=root&password=...}
 *   <li>{@code TABLESYNC_TEST_POSTGRES_URL}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
 *   <li>{@code TABLESYNC_TEST_SQLSERVER_URL}, e.g. {@code
 *       jdbc:sqlserver://127.0.0.1:1433;databaseName=master;user=sa;password=...;encrypt=false}
 * </ul>
 */
public final class TestServers {

  private static final Map<String, TestServer.Product> VARIABLES =
      Map.of(
          "TABLESYNC_TEST_MARIADB_URL", TestServer.Product.MARIADB,
          "TABLESYNC_TEST_MYSQL_URL", TestServer.Product.MYSQL,
          "TABLESYNC_TEST_POSTGRES_URL", TestServer.Product.POSTGRESQL,
          "TABLESYNC_TEST_SQLSERVER_URL", TestServer.Product.SQLSERVER);

  private static final TestServer H2 = new EmbeddedH2();

  private TestServers() {}

  private static final class Embedded {
    static final TestServer MARIADB = EmbeddedMariaDb.start();
  }

  private static final class EmbeddedPg {
    static final TestServer POSTGRES = EmbeddedPostgresServer.start();
  }

  /** The embedded MariaDB, started on first use. */
  public static TestServer mariaDb() {
    return Embedded.MARIADB;
  }

  /** The embedded PostgreSQL, started on first use. */
  public static TestServer postgres() {
    return EmbeddedPg.POSTGRES;
  }

  /** H2 in this JVM, with a new in-memory database for each test. */
  public static TestServer h2() {
    return H2;
  }

  /** Every server: the embedded ones first, then those named by environment variables. */
  public static List<TestServer> all() {
    List<TestServer> servers = new ArrayList<>(List.of(mariaDb(), postgres()));
    servers.addAll(external());
    return servers;
  }

  /**
   * A server already running at {@code url} (credentials included, naming an existing database),
   * such as the machine's own MariaDB or PostgreSQL service; its databases are made beside it.
   */
  public static TestServer running(String label, String url, TestServer.Product product) {
    return new ExternalServer(label, url, product);
  }

  /** The servers named by environment variables, in variable order. */
  public static List<TestServer> external() {
    List<TestServer> servers = new ArrayList<>();
    VARIABLES.keySet().stream()
        .sorted()
        .forEach(
            variable -> {
              String url = System.getenv(variable);
              if (url != null && !url.isBlank()) {
                servers.add(new ExternalServer(variable, url, VARIABLES.get(variable)));
              }
            });
    return servers;
  }
}
