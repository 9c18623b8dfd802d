package dev.tablesync.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.sample.demo.ErpData;
import dev.tablesync.sample.demo.SqlScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code reconcile} removes from the warehouse the suppliers the ERP deleted, and refuses when
 * too many would go.
 */
class ReconcileCommandTest {

  private static final String ERP = "jdbc:h2:mem:reconcile_erp;MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
  private static final String WMS = "jdbc:h2:mem:reconcile_wms;MODE=MySQL;DB_CLOSE_DELAY=-1";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void reconcileDeletesWhatTheErpDeletedAndRefusesTooMuch() throws Exception {
    try (HikariDataSource erp = pool(ERP);
        HikariDataSource wms = pool(WMS)) {
      new ErpData().create(erp, 2_000, 100);
      SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");
      assertEquals(0, SampleApp.commandLine(out).execute(connection("sync")), printed());
      long synced = count(wms, "SELECT COUNT(*) FROM wms_supplier");
      execute(erp, "DELETE FROM dbo.T_BD_SUPPLIER WHERE MOD(FSUPPLIERID, 100) = 1");
      long deleted = synced - count(erp,
          "SELECT COUNT(*) FROM dbo.T_BD_SUPPLIER WHERE FDOCUMENTSTATUS = 'C'"
              + " AND FFORBIDSTATUS = 'A'");

      bytes.reset();
      assertEquals(
          0,
          SampleApp.commandLine(out).execute(connection("reconcile", "--table", "supplier")),
          printed());

      assertTrue(deleted > 0);
      assertTrue(printed().contains(" " + deleted + " deleted"), printed());
      assertEquals(synced - deleted, count(wms, "SELECT COUNT(*) FROM wms_supplier"));

      execute(erp, "DELETE FROM dbo.T_BD_SUPPLIER WHERE MOD(FSUPPLIERID, 3) = 0");
      bytes.reset();
      assertEquals(
          1,
          SampleApp.commandLine(out).execute(connection("reconcile", "--keys-only")),
          printed());
      assertTrue(printed().contains("more than the delete guard of 10.0%"), printed());
      assertEquals(synced - deleted, count(wms, "SELECT COUNT(*) FROM wms_supplier"));
    }
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String[] connection(String... before) {
    List<String> args = new ArrayList<>(List.of(before));
    args.addAll(List.of("--source-url", ERP, "--source-user", "sa", "--target-url", WMS,
        "--target-user", "sa"));
    return args.toArray(String[]::new);
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    return new HikariDataSource(config);
  }

  private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(HikariDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
