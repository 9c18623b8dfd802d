package dev.tablesync.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.testing.ChildJvm;
import dev.tablesync.sample.cli.Output;
import dev.tablesync.sample.cli.RunCommand;
import dev.tablesync.sample.demo.ErpData;
import dev.tablesync.sample.demo.SqlScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code run} keeps an ERP (H2 in SQL Server mode) synced into a warehouse system (H2 in MySQL
 * mode) until stopped, one line per run; {@code status} then shows where each table stands.
 */
class RunAndStatusCommandTest {

  private static final String ERP = "jdbc:h2:mem:run_erp;MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
  private static final String WMS = "jdbc:h2:mem:run_wms;MODE=MySQL;DB_CLOSE_DELAY=-1";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void runKeepsSyncingUntilStoppedAndStatusShowsEachTable() throws Exception {
    try (HikariDataSource erp = pool(ERP);
        HikariDataSource wms = pool(WMS)) {
      ErpData data = new ErpData();
      data.create(erp, 3_000, 500);
      SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");

      RunCommand run = new RunCommand(Output.plain(out));
      CompletableFuture<Integer> exitCode =
          CompletableFuture.supplyAsync(
              () -> new CommandLine(run).execute(
                  connection("--every", "200ms", "--schedule", "material=1h")));
      await(printed -> rowsRun(printed, "supplier") > 0 && rowsRun(printed, "material") > 0);
      long suppliersFirst = rowsRun(printed(), "supplier");
      data.changeSuppliers(erp, 25, LocalDateTime.now().withNano(0));
      await(printed -> rowsRun(printed, "supplier") == suppliersFirst + 25);
      run.requestStop();

      assertEquals(0, exitCode.get(30, TimeUnit.SECONDS), printed());
      String printed = printed();
      assertTrue(printed.contains("supplier   every 0.2s"), printed);
      assertTrue(printed.contains("material   every 1h"), printed);
      assertTrue(printed.contains("stopped: every run in flight committed"), printed);
      assertEquals(
          1, printed.lines().filter(line -> line.contains(" material ")).count(),
          "material runs once an hour: " + printed);

      String runPrinted = printed;
      bytes.reset();
      assertEquals(0, SampleApp.commandLine(out).execute(connection("status")), printed());
      List<String> lines = printed().lines().toList();
      assertTrue(lines.get(0).startsWith("TABLE"), printed());
      assertTrue(
          lines.stream().anyMatch(l -> l.matches(
              "material .* SUCCEEDED +" + String.format("%,d", rowsRun(runPrinted, "material"))
                  + " .* none")),
          printed());
      assertTrue(
          lines.stream().anyMatch(l -> l.matches(
              "supplier .* SUCCEEDED +" + String.format("%,d", suppliersFirst + 25) + " .* none")),
          printed());
    }
  }

  @Test
  void aTerminatedRunCommandStopsGracefully() throws Exception {
    Path folder = Files.createTempDirectory(Path.of("target"), "run-command");
    // H2 closes its databases in a shutdown hook of its own unless told not to.
    String options = ";DB_CLOSE_ON_EXIT=FALSE";
    String erpUrl =
        "jdbc:h2:file:" + folder.toAbsolutePath().resolve("erp") + ";MODE=MSSQLServer" + options;
    String wmsUrl =
        "jdbc:h2:file:" + folder.toAbsolutePath().resolve("wms") + ";MODE=MySQL" + options;
    try (HikariDataSource erp = pool(erpUrl);
        HikariDataSource wms = pool(wmsUrl)) {
      new ErpData().create(erp, 2_000, 200);
      SqlScript.run(wms, "/db/wms/V1__wms_tables.sql");
    }
    Path log = folder.resolve("run.log");
    Process child =
        ChildJvm.start(
            ChildJvm.testClassPath(), SampleApp.class, log, "run", "--every", "1s",
            "--source-url", erpUrl, "--source-user", "sa", "--target-url", wmsUrl,
            "--target-user", "sa");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.exists(log) && Files.readString(log).contains(" material "))) {
        assertTrue(System.nanoTime() < deadline, "no run line: " + ChildJvm.tail(log, 20));
        Thread.sleep(50);
      }
      child.destroy(); // SIGTERM: the JVM shuts down as on Ctrl-C
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      String printed = Files.readString(log);
      assertTrue(printed.contains("stopped: every run in flight committed"), ChildJvm.tail(log, 20));
      assertTrue(!printed.contains("FAILED"), ChildJvm.tail(log, 20));
    } finally {
      child.destroyForcibly();
    }
  }

  /** The rows of every run of {@code table} printed so far, added up. */
  private static long rowsRun(String printed, String table) {
    Matcher rows = Pattern.compile("\\d " + table + " +([\\d,]+) rows").matcher(printed);
    long sum = 0;
    while (rows.find()) {
      sum += Long.parseLong(rows.group(1).replace(",", ""));
    }
    return sum;
  }

  private static String[] connection(String... before) {
    List<String> args = new java.util.ArrayList<>(List.of(before));
    args.addAll(List.of("--source-url", ERP, "--source-user", "sa", "--target-url", WMS,
        "--target-user", "sa"));
    return args.toArray(String[]::new);
  }

  private void await(Predicate<String> printedEnough) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!printedEnough.test(printed())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 30 s; printed:\n" + printed());
      }
      Thread.sleep(20);
    }
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername("sa");
    return pool;
  }
}
