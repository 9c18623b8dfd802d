package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Collectors;

/** Connection pools for the sample's data sources. */
final class Pools {

  private Pools() {}

  /**
   * A small pool on the data source, once a first connection proved that it answers.
   *
   * @throws CommandFailure when no driver takes the URL or the driver cannot connect, naming the
   *     data source and the driver's reason
   */
  static HikariDataSource open(DataSourceSettings settings) {
    connectOnce(settings);
    HikariConfig config = new HikariConfig();
    config.setPoolName(settings.name());
    config.setJdbcUrl(settings.url());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    // The first connection above is the check: the pool's own would log its failure with a trace.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  private static void connectOnce(DataSourceSettings settings) {
    Driver driver;
    try {
      driver = DriverManager.getDriver(settings.url());
    } catch (SQLException noDriver) {
      throw new CommandFailure(
          "no JDBC driver takes the URL of " + settings.describe() + "; this program has "
              + DriverManager.drivers()
                  .map(d -> d.getClass().getName())
                  .sorted()
                  .collect(Collectors.joining(", ")),
          noDriver);
    }
    Properties properties = new Properties();
    if (settings.user() != null) {
      properties.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      properties.setProperty("password", settings.password());
    }
    try (Connection connection = driver.connect(settings.url(), properties)) {
      if (connection == null) {
        throw new SQLException("the driver " + driver.getClass().getName() + " refused the URL");
      }
    } catch (SQLException e) {
      throw new CommandFailure(
          "cannot connect to " + settings.describe() + ": " + CommandFailure.reason(e), e);
    }
  }
}
