package dev.tablesync.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.SyncEngine;
import picocli.CommandLine.Option;

/**
 * The source and target databases, as JDBC URLs. Passwords come from environment variables
 * rather than the command line, where other users of the machine could read them.
 */
final class DataSourceOptions {

  @Option(
      names = "--source-url",
      required = true,
      description = "JDBC URL of the source, e.g. jdbc:sqlserver://erp:1433;databaseName=AIS;encrypt=false")
  String sourceUrl;

  @Option(names = "--source-user", description = "Source user name.")
  String sourceUser;

  @Option(
      names = "--target-url",
      required = true,
      description = "JDBC URL of the target, e.g. jdbc:mysql://wms:3306/wms")
  String targetUrl;

  @Option(names = "--target-user", description = "Target user name.")
  String targetUser;

  @Option(
      names = "--cursor-table",
      description = "Table in the target that keeps the cursors (default: ${DEFAULT-VALUE}).")
  String cursorTable = SyncEngine.DEFAULT_CURSOR_TABLE;

  HikariDataSource openSource() {
    return Pools.open(
        "source", sourceUrl, sourceUser, System.getenv("TABLESYNC_SOURCE_PASSWORD"));
  }

  HikariDataSource openTarget() {
    return Pools.open(
        "target", targetUrl, targetUser, System.getenv("TABLESYNC_TARGET_PASSWORD"));
  }

  /** An engine over {@code source} and {@code target}, as these options name them. */
  SyncEngine.Builder engine(HikariDataSource source, HikariDataSource target) {
    return SyncEngine.builder()
        .dataSource("source", source)
        .dataSource("target", target)
        .cursorTable(cursorTable);
  }
}
