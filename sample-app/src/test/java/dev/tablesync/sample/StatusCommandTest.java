package dev.tablesync.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.testing.OpenDatabases;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServers;
import dev.tablesync.sample.cli.Output;
import dev.tablesync.sample.cli.RunCommand;
import dev.tablesync.sample.demo.ErpData;
import dev.tablesync.sample.demo.SqlScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What {@code status} tells an operator about a table that never ran, one whose last run failed,
 * and one whose cursor is far behind the source: an ERP (H2 in SQL Server mode, the sample's
 * stand-in for SQL Server) synced into a warehouse system on the embedded MariaDB.
 */
class StatusCommandTest {

  private static final AtomicInteger erps = new AtomicInteger();

  private final OpenDatabases databases = new OpenDatabases();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private String erpUrl;
  private HikariDataSource erp;
  private HikariDataSource wms;
  private final ErpData data = new ErpData();

  @BeforeEach
  void createDatabases() throws Exception {
    erpUrl = "jdbc:h2:mem:status_erp_" + erps.incrementAndGet() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    erp = new HikariDataSource();
    erp.setJdbcUrl(erpUrl);
    erp.setUsername("sa");
    data.create(erp, 400, 60);
    wms = (HikariDataSource) databases.create(TestServers.mariaDb(), "status");
    SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");
  }

  @AfterEach
  void close() {
    erp.close();
    databases.close();
  }

  @Test
  void aTableThatNeverRanSaysSoAndHowItWillBeCopied() {
    int exitCode = execute("status");

    List<String> lines = printed().lines().toList();
    assertEquals(0, exitCode, printed());
    assertTrue(lines.get(0).matches("TABLE +LAST RUN +OUTCOME +ROWS SYNCED +CURSOR +BEHIND"),
        printed());
    for (String table : List.of("material", "supplier")) {
      int row = indexOf(lines, table + " ");
      assertTrue(lines.get(row).matches(table + " +never +- +0 +- +everything"), printed());
      assertTrue(lines.get(row + 1).trim().startsWith("never synced: its first run"), printed());
    }
  }

  @Test
  void aFailedTableSaysWhenWhyAndThatTheNextRunGoesOnFromItsCursor() throws Exception {
    // A target narrower than the source: every supplier's name is too long for it.
    Sql.execute(wms, "ALTER TABLE wms_supplier MODIFY supplier_name VARCHAR(3)");
    RunCommand run = new RunCommand(Output.plain(out));
    CompletableFuture<Integer> runExit =
        CompletableFuture.supplyAsync(() -> new CommandLine(run).execute(
            withConnection("--every", "1h")));
    awaitPrinted(" supplier   FAILED ");
    awaitPrinted(" material   ");
    run.requestStop();
    assertEquals(0, runExit.get(30, TimeUnit.SECONDS), printed());
    List<String> runLines = printed().lines().toList();
    assertTrue(runLines.stream().anyMatch(l -> l.matches("[\\d:]{8} supplier   FAILED \\(first"
        + " failure\\): supplier: bad row with key \\[\\d+], column supplier_name: .*"
        + " \\(stored cursor: none\\); next try [\\d:]{8}")), printed());
    long materials = Sql.query(wms, "SELECT COUNT(*) FROM wms_material", r -> r.getLong(1)).get(0);
    assertTrue(runLines.stream().anyMatch(l -> l.matches("[\\d:]{8} material   [\\d,]+ rows:"
        + " snapshot " + materials + " in 1 chunk, then \\d+ from its high-water mark in 1 batch,"
        + " [\\d.]+ s, cursor 2025-[\\d-]+T[\\d:]+, next [\\d:]{8}")), printed());
    assertEquals(0L, Sql.query(wms, "SELECT COUNT(*) FROM wms_supplier", r -> r.getLong(1)).get(0),
        "nothing of the failed chunk is kept");

    bytes.reset();
    int exitCode = execute("status");

    List<String> lines = printed().lines().toList();
    assertEquals(1, exitCode, "a failed table needs attention: " + printed());
    int row = indexOf(lines, "supplier ");
    assertTrue(lines.get(row).matches("supplier +\\d{4}-\\d\\d-\\d\\d [\\d:]{8} +FAILED +0 +- +everything"),
        printed());
    String failed = lines.get(row + 1).trim();
    assertTrue(failed.matches("failed once, the last at \\d{4}-\\d\\d-\\d\\d [\\d:]{8} on \\d+@.+: supplier: .*"),
        printed());
    assertTrue(failed.contains("supplier_name"), "the error names the column: " + printed());
    assertTrue(lines.get(row + 2).trim().startsWith("nothing after the stored cursor was written;"
        + " fix the cause and the next run goes on from there"), printed());
    int material = indexOf(lines, "material ");
    assertTrue(lines.get(material).matches("material .* SUCCEEDED .* none"), printed());
  }

  @Test
  void aTableFarBehindSaysHowFarAndWhatToDo() throws Exception {
    assertEquals(0, execute("sync"), printed());
    // The ERP moves on (its data set ends in 2025) and nothing syncs it.
    data.changeSuppliers(erp, 5, LocalDateTime.now().withNano(0));

    bytes.reset();
    int exitCode = execute("status");

    List<String> lines = printed().lines().toList();
    assertEquals(1, exitCode, "a table far behind needs attention: " + printed());
    int row = indexOf(lines, "supplier ");
    assertTrue(lines.get(row).matches("supplier +.* SUCCEEDED +[\\d,]+ +2025-[\\d-]+T[\\d:]+ +\\d+ d( \\d+ h)?"),
        printed());
    assertTrue(lines.get(row + 1).trim().matches(
        "\\d+ d( \\d+ h)? behind the source's newest change \\(20\\d\\d-[\\d-]+T[\\d:]+\\);"
            + " its last run ended \\d+ s ago"), printed());
    assertTrue(lines.get(row + 2).trim().endsWith(
        "DELETE FROM tablesync_cursor WHERE sync_name = 'supplier'"), printed());
    int material = indexOf(lines, "material ");
    assertTrue(lines.get(material).matches("material .* SUCCEEDED .* none"), printed());
    assertTrue(!lines.get(material + 1).startsWith(" "), "material needs nothing: " + printed());
  }

  private int execute(String... commandAndOptions) {
    return SampleApp.commandLine(out).execute(withConnection(commandAndOptions));
  }

  private String[] withConnection(String... commandAndOptions) {
    List<String> args = new ArrayList<>(List.of(commandAndOptions));
    args.addAll(List.of("--source-url", erpUrl, "--source-user", "sa",
        "--target-url", wms.getJdbcUrl()));
    return args.toArray(String[]::new);
  }

  private void awaitPrinted(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!printed().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 30 s for '" + text + "'; printed:\n" + printed());
      }
      Thread.sleep(20);
    }
  }

  private static int indexOf(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with '" + start + "': " + lines);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
