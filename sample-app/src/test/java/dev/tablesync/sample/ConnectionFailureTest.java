package dev.tablesync.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import dev.tablesync.runtime.testing.TestServers;
import dev.tablesync.sample.demo.ErpData;
import dev.tablesync.sample.demo.SqlScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data source that cannot be reached, a target table that is not there and a source query the
 * source rejects each print one line that names the data source (URL with the password masked,
 * user) and the driver's reason, and exit with 1; {@code --verbose} adds the trace. Against the
 * embedded MariaDB and PostgreSQL, with an H2 ERP (the sample's stand-in for SQL Server) where a
 * working source is needed.
 */
class ConnectionFailureTest {

  private static final String ERP = "jdbc:h2:mem:failure_erp;MODE=MSSQLServer;DB_CLOSE_DELAY=-1";

  private final OpenDatabases databases = new OpenDatabases();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private HikariDataSource erp;
  private HikariDataSource wms;

  @BeforeEach
  void createDatabases() throws Exception {
    erp = new HikariDataSource();
    erp.setJdbcUrl(ERP);
    erp.setUsername("sa");
    if (Sql.query(erp, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'DBO'",
        r -> r.getInt(1)).get(0) == 0) {
      new ErpData().create(erp, 100, 10);
    }
    wms = (HikariDataSource) databases.create(TestServers.mariaDb(), "failure");
    SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");
  }

  @AfterEach
  void close() {
    erp.close();
    databases.close();
  }

  @Test
  void anUnknownUserIsOneLineWithThePasswordMasked() {
    HikariDataSource postgres = (HikariDataSource) databases.create(TestServers.postgres(), "users");
    String url = base(postgres.getJdbcUrl()) + "?user=nobody_i12&password=secret-one";

    String line = failsWithOneLine("sync", url, null, wms.getJdbcUrl(), null);

    assertTrue(line.startsWith("cannot connect to data source 'source' (" + base(url)
        + "?user=nobody_i12&password=***): "), line);
    assertTrue(line.contains("role \"nobody_i12\" does not exist"), line);
    assertTrue(line.contains("[SQLState 28000"), "access denied: " + line);
    assertFalse(printed().contains("secret-one"), line);
  }

  /** Only a server with grant tables checks passwords: a MariaDB service, where CI names one. */
  @Test
  void aWrongPasswordIsOneLineWithThePasswordMasked() {
    String service = System.getenv("TABLESYNC_TEST_MARIADB_URL");
    Assumptions.assumeTrue(service != null && !service.isBlank(), "no MariaDB service named");
    String user = "tablesync_wrong_" + ProcessHandle.current().pid();
    HikariDataSource mariaDb = (HikariDataSource) databases.create(
        TestServers.external().stream()
            .filter(server -> server.product() == TestServer.Product.MARIADB)
            .findFirst().orElseThrow(),
        "password");
    Sql.execute(mariaDb, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-one'");
    try {
      String url = base(mariaDb.getJdbcUrl()) + "?password=wrong-one";

      String line = failsWithOneLine("sync", ERP, "sa", url, user);

      assertTrue(line.startsWith("cannot connect to data source 'target' (" + base(url)
          + "?password=***, user " + user + "): "), line);
      assertTrue(line.contains("Access denied for user '" + user + "'"), line);
      assertFalse(printed().contains("wrong-one"), line);
    } finally {
      Sql.execute(mariaDb, "DROP USER '" + user + "'@'%'");
    }
  }

  @Test
  void anUnknownDatabaseNamesTheUserAndTheDriversReason() {
    HikariDataSource postgres = (HikariDataSource) databases.create(TestServers.postgres(), "known");
    String url = base(postgres.getJdbcUrl()).replaceAll("/known_\\d+_\\d+$", "/no_such_database");

    String line = failsWithOneLine("status", url, "postgres", wms.getJdbcUrl(), null);

    assertTrue(line.startsWith("cannot connect to data source 'source' (" + url + ", user postgres): "),
        line);
    assertTrue(line.contains("database \"no_such_database\" does not exist"), line);
  }

  @Test
  void aRefusedConnectionAndAnUnknownHostNameTheDataSource() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String refused = "jdbc:mariadb://127.0.0.1:" + closedPort + "/wms";
    String line = failsWithOneLine("sync", ERP, "sa", refused, "sync");
    assertTrue(line.startsWith("cannot connect to data source 'target' (" + refused
        + ", user sync): "), line);
    assertTrue(line.toLowerCase().contains("connection refused"), line);

    bytes.reset();
    String unknown = "jdbc:postgresql://no-such-host.invalid:5432/erp";
    line = failsWithOneLine("run", unknown, "sync", wms.getJdbcUrl(), null);
    assertTrue(line.startsWith("cannot connect to data source 'source' (" + unknown
        + ", user sync): "), line);
    assertTrue(line.contains("no-such-host.invalid"), line);
  }

  @Test
  void aUrlNoDriverTakesSaysWhichDriversThereAre() {
    String url = "jdbc:oracle:thin:@erp:1521/AIS";

    String line = failsWithOneLine("sync", url, "sync", wms.getJdbcUrl(), null);

    assertTrue(line.startsWith("no JDBC driver takes the URL of data source 'source' (" + url
        + ", user sync); this program has "), line);
    assertTrue(line.contains("org.mariadb.jdbc.Driver"), line);
  }

  @Test
  void aMissingTargetTableNamesTheTableAndTheDataSource() {
    Sql.execute(wms, "DROP TABLE wms_material");

    String line = failsWithOneLine("sync", ERP, "sa", wms.getJdbcUrl(), null);

    assertTrue(line.startsWith("material: target table wms_material in data source 'target' ("
        + wms.getJdbcUrl() + "): "), line);
    assertTrue(line.contains("wms_material' doesn't exist"), line);
    assertEquals(0L, Sql.query(wms, "SELECT COUNT(*) FROM wms_supplier", r -> r.getLong(1)).get(0),
        "no table synced before the check passed");
  }

  @Test
  void aSourceQueryTheSourceRejectsNamesTheTableAndTheDataSource() {
    // A PostgreSQL database without the ERP's tables: the source rejects both queries.
    HikariDataSource postgres = (HikariDataSource) databases.create(TestServers.postgres(), "no_erp");
    String url = postgres.getJdbcUrl();

    int exitCode = execute("sync", url, null, wms.getJdbcUrl(), null);

    List<String> lines = printed().lines().toList();
    assertEquals(SampleApp.FAILED, exitCode, printed());
    assertEquals(2, lines.size(), printed());
    assertTrue(lines.get(0).startsWith("material: the source query fails on data source 'source' ("
        + url + "): "), printed());
    assertTrue(lines.get(1).startsWith("supplier: the source query fails on data source 'source' ("
        + url + "): "), printed());
    assertTrue(lines.get(1).contains("relation \"dbo.t_bd_supplier\" does not exist"), printed());
  }

  @Test
  void verboseAddsTheTrace() {
    String url = "jdbc:mariadb://127.0.0.1:1/wms";

    int exitCode = execute("sync", ERP, "sa", url, null, "--verbose");

    String printed = printed();
    assertEquals(SampleApp.FAILED, exitCode, printed);
    assertTrue(printed.lines().findFirst().orElseThrow().startsWith(
        "cannot connect to data source 'target'"), printed);
    assertTrue(printed.contains("\tat dev.tablesync.sample.cli.Pools"), printed);
    assertTrue(printed.contains("Caused by: java.sql.SQLNonTransientConnectionException"), printed);
  }

  /** Runs {@code command}, expects exit status 1 and one line of output, and returns it. */
  private String failsWithOneLine(
      String command, String sourceUrl, String sourceUser, String targetUrl, String targetUser) {
    int exitCode = execute(command, sourceUrl, sourceUser, targetUrl, targetUser);
    List<String> lines = printed().lines().toList();
    assertEquals(SampleApp.FAILED, exitCode, printed());
    assertEquals(1, lines.size(), "one line, no trace: " + printed());
    return lines.get(0);
  }

  private int execute(
      String command, String sourceUrl, String sourceUser, String targetUrl, String targetUser,
      String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--source-url", sourceUrl,
        "--target-url", targetUrl));
    if (sourceUser != null) {
      args.addAll(List.of("--source-user", sourceUser));
    }
    if (targetUser != null) {
      args.addAll(List.of("--target-user", targetUser));
    }
    args.addAll(List.of(more));
    return SampleApp.commandLine(out).execute(args.toArray(String[]::new));
  }

  /** The URL without its options. */
  private static String base(String url) {
    int options = url.indexOf('?');
    return options < 0 ? url : url.substring(0, options);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
