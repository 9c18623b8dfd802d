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
      routes.add(new Route(postgres, external));
      routes.add(new Route(external, mariaDb));
    }
    return routes;
  }

  @Override
  public String toString() {
    return source + " -> " + target;
  }
}
