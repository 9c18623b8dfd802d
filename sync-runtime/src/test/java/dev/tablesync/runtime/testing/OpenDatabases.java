package dev.tablesync.runtime.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The databases one test opens, whose connection pools close when it ends, so that the servers
 * every test shares keep connections for the tests that follow.
 */
public final class OpenDatabases implements AutoCloseable {

  private final List<HikariDataSource> pools = new ArrayList<>();

  /** A new empty database on {@code server}, closed with this. */
  public DataSource create(TestServer server, String prefix) {
    HikariDataSource pool = (HikariDataSource) server.newDatabase(prefix);
    pools.add(pool);
    return pool;
  }

  /**
   * A pool on {@code url}, closed with this: a database from {@link #create} through another
   * driver, or with other driver options.
   */
  public DataSource withUrl(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  /** The JDBC URL of a database from {@link #create}. */
  public static String url(DataSource database) {
    return ((HikariDataSource) database).getJdbcUrl();
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
    pools.clear();
  }
}
