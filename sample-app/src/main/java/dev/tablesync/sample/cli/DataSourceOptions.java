package dev.tablesync.sample.cli;

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

  DataSourceSettings source() {
    return new DataSourceSettings(
        "source", sourceUrl, sourceUser, System.getenv("TABLESYNC_SOURCE_PASSWORD"));
  }

  DataSourceSettings target() {
    return new DataSourceSettings(
        "target", targetUrl, targetUser, System.getenv("TABLESYNC_TARGET_PASSWORD"));
  }

  /** The source and target, connected; closing closes both. */
  OpenDataSources open() {
    return OpenDataSources.open(source(), target());
  }

  /** An engine over the open data sources, as these options name them. */
  SyncEngine.Builder engine(OpenDataSources open) {
    SyncEngine.Builder builder = SyncEngine.builder().cursorTable(cursorTable);
    open.names().forEach(name -> builder.dataSource(name, open.pool(name)));
    return builder;
  }
}
