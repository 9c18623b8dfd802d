package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The data sources of one command, connected, by logical name; closing closes their pools. */
final class OpenDataSources implements AutoCloseable {

  private final Map<String, DataSourceSettings> settings = new LinkedHashMap<>();
  private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();

  private OpenDataSources() {}

  /**
   * Connects to each data source in turn.
   *
   * @throws CommandFailure when one cannot be reached; those opened before are closed
   */
  static OpenDataSources open(DataSourceSettings... dataSources) {
    OpenDataSources open = new OpenDataSources();
    try {
      for (DataSourceSettings dataSource : dataSources) {
        open.pools.put(dataSource.name(), Pools.open(dataSource));
        open.settings.put(dataSource.name(), dataSource);
      }
    } catch (RuntimeException e) {
      open.close();
      throw e;
    }
    return open;
  }

  Set<String> names() {
    return pools.keySet();
  }

  HikariDataSource pool(String name) {
    return pools.get(name);
  }

  DataSourceSettings settings(String name) {
    return settings.get(name);
  }

  @Override
  public void close() {
    pools.values().forEach(HikariDataSource::close);
  }
}
