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
    POSTGRESQL,
    SQLSERVER,
    H2
  }

  private final String label;
  private final Product product;

  protected TestServer(String label, Product product) {
    this.label = label;
    this.product = product;
  }

  /** A JDBC URL of database {@code database} on this server, with credentials. */
  protected abstract String url(String database);

  /** Creates the empty database {@code name} on this server. */
  protected abstract void createDatabase(String name);

  public Product product() {
    return product;
  }

  /** Creates a new empty database and returns a pooled data source on it. */
  public DataSource newDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    createDatabase(name);
    return pool(url(name), 4);
  }

  /** Creates database {@code name} with {@code CREATE DATABASE} on a connection to another. */
  protected final void createDatabaseFrom(String adminDatabase, String name) {
    try (HikariDataSource admin = pool(url(adminDatabase), 1);
        Connection connection = admin.getConnection();
        Statement create = connection.createStatement()) {
      create.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(label + ": cannot create database " + name, e);
    }
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
    return switch (product) {
      case MARIADB, MYSQL -> "DATETIME(6)";
      case POSTGRESQL, H2 -> "TIMESTAMP(6)";
      case SQLSERVER -> "DATETIME2(6)";
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
