package dev.tablesync.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
