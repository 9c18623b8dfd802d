package dev.tablesync.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo, smaller: it must report an exact copy and a second sync of only the changed rows. */
class DemoCommandTest {

  @Test
  void demoCopiesEverythingThenMovesExactlyTheChangedSuppliers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int exitCode =
        SampleApp.commandLine(out)
            .execute("demo", "--suppliers", "6000", "--materials", "1500", "--changes", "120");

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, exitCode, printed);
    assertTrue(printed.contains("exactly the 120 changed suppliers"), printed);
    assertTrue(
        printed.contains("after it the warehouse holds 0 of them, and exactly the query's"),
        printed);
    assertTrue(printed.contains("Demo OK."), printed);
  }

  @Test
  void onANonTerminalEachPhaseIsOneLineThatSaysWhatItsRowsAre() throws Exception {
    // As in a CI log or behind a pipe: the program's own output is a file.
    Path log = Files.createTempDirectory(Path.of("target"), "demo").resolve("demo.log");
    Process demo =
        ChildJvm.start(ChildJvm.testClassPath(), SampleApp.class, log, "demo",
            "--suppliers", "3000", "--materials", "500", "--changes", "40");
    try {
      assertTrue(demo.waitFor(120, TimeUnit.SECONDS), ChildJvm.tail(log, 30));
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, demo.exitValue(), printed);
      assertTrue(!printed.contains("\r"), "no redrawn line: " + printed);

      List<String> lines = printed.lines().toList();
      for (String table : List.of("supplier", "material")) {
        String snapshot = only(lines, "  " + table + " +snapshot .*");
        long sourceRows = count(only(lines, "  " + table + " +source [\\d,]+ rows, .*"), "source ");
        assertEquals(sourceRows, count(snapshot, "snapshot "),
            "the snapshot copies every row once: " + printed);
        assertTrue(snapshot.matches(".* rows copied in key order, \\d+ chunks?, .*"), printed);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
            "  " + table + " +batches +[\\d,]+ rows? read from the snapshot's high-water mark on, .*")),
            printed);
      }
      assertTrue(lines.contains("  supplier   batches   40 rows, 1 batch, " + after(lines,
          "  supplier   batches   40 rows, 1 batch, ")), printed);
      assertTrue(lines.contains("  material             nothing new"), printed);
      assertTrue(printed.contains("Demo OK."), printed);
    } finally {
      demo.destroyForcibly();
    }
  }

  /** The one line that matches {@code regex}, the second sync's comparison being the same. */
  private static String only(List<String> lines, String regex) {
    return lines.stream().filter(l -> l.matches(regex)).findFirst()
        .orElseThrow(() -> new AssertionError("no line matches " + regex + ": " + lines));
  }

  /** The number after {@code label} in {@code line}. */
  private static long count(String line, String label) {
    String after = line.substring(line.indexOf(label) + label.length()).stripLeading();
    return Long.parseLong(after.substring(0, after.indexOf(' ')).replace(",", ""));
  }

  private static String after(List<String> lines, String start) {
    return lines.stream().filter(l -> l.startsWith(start)).findFirst()
        .map(l -> l.substring(start.length())).orElse("(none)");
  }
}
