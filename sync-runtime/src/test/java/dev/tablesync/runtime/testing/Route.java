package dev.tablesync.runtime.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A source server and a target server for one test case.
 *
 * @param source where rows are read
 * @param target where rows are written
 */
public record Route(TestServer source, TestServer target) {

  /**
   * Every route the engine tests run: each embedded server to the other and to itself, and each
   * server named by an environment variable as a target of PostgreSQL and as a source of MariaDB.
   * A SQL Server is left out: the reliability tests set up with MySQL and PostgreSQL SQL.
   */
  public static List<Route> all() {
    TestServer mariaDb = TestServers.mariaDb();
    TestServer postgres = TestServers.postgres();
    List<Route> routes =
        new ArrayList<>(
            List.of(
                new Route(postgres, mariaDb),
                new Route(mariaDb, postgres),
                new Route(mariaDb, mariaDb),
                new Route(postgres, postgres)));
    for (TestServer external : TestServers.external()) {
      if (external.product() != TestServer.Product.SQLSERVER) {
        routes.addAll(toAndFrom(external));
      }
    }
    return routes;
  }

  /**
   * The routes of {@link #all()}, and H2 and any SQL Server named by {@code
   * TABLESYNC_TEST_SQLSERVER_URL} each as a target of PostgreSQL and as a source of MariaDB: for
   * tests whose set-up runs on every product.
   */
  public static List<Route> everyProduct() {
    List<Route> routes = new ArrayList<>(all());
    routes.addAll(toAndFrom(TestServers.h2()));
    for (TestServer external : TestServers.external()) {
      if (external.product() == TestServer.Product.SQLSERVER) {
        routes.addAll(toAndFrom(external));
      }
    }
    return routes;
  }

  /** {@code server} as a target of the embedded PostgreSQL and a source of the embedded MariaDB. */
  private static List<Route> toAndFrom(TestServer server) {
    return List.of(
        new Route(TestServers.postgres(), server), new Route(server, TestServers.mariaDb()));
  }

  @Override
  public String toString() {
    return source + " -> " + target;
  }
}
