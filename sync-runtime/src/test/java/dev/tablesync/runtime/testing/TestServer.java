package dev.tablesync.runtime.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real database server the tests use: started by the tests themselves, or named by an
 * environment variable. Each test takes a fresh database on it, so tests never see each other's
 * tables while sharing one started server.
 */
public abstract class TestServer {

  private static final AtomicInteger databases = new AtomicInteger();

  /** The product family, which decides the DDL the tests write. */
  public enum Product {
    MARIADB,
    MYSQL,
    POSTGRESQL
  }

  private final String label;
  private final Product product;

  protected TestServer(String label, Product product) {
    this.label = label;
    this.product = product;
  }

  /** A JDBC URL of database {@code database} on this server, with credentials. */
  protected abstract String url(String database);

  /** The database every server has, to create others from. */
  protected abstract String adminDatabase();

  public Product product() {
    return product;
  }

  /** Creates a new empty database and returns a pooled data source on it. */
  public DataSource newDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (HikariDataSource admin = pool(url(adminDatabase()), 1);
        Connection connection = admin.getConnection();
        Statement create = connection.createStatement()) {
      create.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(label + ": cannot create database " + name, e);
    }
    return pool(url(name), 4);
  }

  private HikariDataSource pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setPoolName(label);
    return new HikariDataSource(config);
  }

  /** The SQL type of a timestamp with microseconds. */
  public String timestampType() {
    return product == Product.POSTGRESQL ? "TIMESTAMP(6)" : "DATETIME(6)";
  }

  @Override
  public String toString() {
    return label;
  }
}
