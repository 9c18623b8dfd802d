package dev.tablesync.runtime.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The databases of one test, whose connection pools close when it ends, so that the servers
 * every test shares do not run out of connections.
 */
final class TestDatabases implements AutoCloseable {

  private final List<HikariDataSource> pools = new ArrayList<>();

  /** The routes between two different servers: the embedded ones both ways, and any external. */
  static List<Route> crossingRoutes() {
    return Route.all().stream().filter(r -> r.source() != r.target()).toList();
  }

  /** A new empty database on {@code server}. */
  DataSource create(TestServer server, String prefix) {
    return keep((HikariDataSource) server.newDatabase(prefix));
  }

  /**
   * Another pool on the same database as {@code database}, each connection of which runs {@code
   * sql} when it opens.
   */
  DataSource withSessionSql(DataSource database, String sql) {
    return pool(url(database), sql);
  }

  /** A pool on {@code url}, such as a database from {@link #create} through another driver. */
  DataSource withUrl(String url) {
    return pool(url, null);
  }

  private DataSource pool(String url, String sessionSql) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setConnectionInitSql(sessionSql);
    return keep(new HikariDataSource(config));
  }

  /** The JDBC URL of a database from {@link #create}, for another process. */
  static String url(DataSource database) {
    return ((HikariDataSource) database).getJdbcUrl();
  }

  private HikariDataSource keep(HikariDataSource pool) {
    pools.add(pool);
    return pool;
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
  }
}
