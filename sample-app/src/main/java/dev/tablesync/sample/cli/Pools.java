package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools for the sample's data sources. */
final class Pools {

  private Pools() {}

  /** A small pool on {@code url}; user and password may be null when the URL carries them. */
  static HikariDataSource open(String name, String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    return new HikariDataSource(config);
  }
}
