package dev.tablesync.sample.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress of a run as the engine reports it, chunk by chunk and batch by batch: a snapshot
 * of 60,000 rows in chunks of 20,000 (the last one empty, as when the rows end exactly at a
 * chunk), taking one second a chunk, then a batch of the rows at its high-water mark.
 */
class ProgressLineTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong();

  @Test
  void elsewhereThanATerminalEveryLineStaysAndALongPhasePrintsEveryTenSeconds() {
    ProgressLine progress = new ProgressLine(out, false, now::get);

    // 12 chunks of 20,000 rows, 1 s each: a line at 10 s, then the phase's own.
    for (int chunk = 1; chunk <= 12; chunk++) {
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      progress.batchCommitted(chunk(chunk, 20_000, chunk * 20_000L, chunk, chunk == 12));
    }
    progress.batchCommitted(batch(13, 412, 240_412, 13));
    progress.runFinished(result(240_412, 13));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(printed.contains("\r"), printed);
    List<String> lines = printed.lines().toList();
    assertEquals(
        List.of(
            "  supplier   snapshot      200,000 rows so far, 20,000 rows/s",
            "  supplier   snapshot  240,000 rows copied in key order, 12 chunks, 12.0 s,"
                + " 20,000 rows/s",
            "  supplier   batches   412 rows read from the snapshot's high-water mark on,"
                + " 1 batch, 1.0 s, 412 rows/s"),
        lines);
  }

  @Test
  void anEmptyLastChunkStillEndsTheSnapshot() {
    ProgressLine progress = new ProgressLine(out, false, now::get);

    progress.batchCommitted(chunk(1, 20_000, 20_000, 1, false));
    progress.batchCommitted(chunk(2, 20_000, 40_000, 2, false));
    // The rows ran out at the chunk before: the last one is empty and has no key to store.
    progress.batchCommitted(
        new BatchReport(
            "supplier", 3, 0, 0, 40_000, "2025-12-31T10:00", Duration.ofSeconds(2), null));
    progress.batchCommitted(batch(4, 7, 40_007, 3));
    progress.runFinished(result(40_007, 4));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("  supplier   snapshot  40,000 rows copied in key order,"
        + " 3 chunks, 2.0 s"), lines.toString());
    assertTrue(lines.get(1).startsWith("  supplier   batches   7 rows read from the snapshot's"
        + " high-water mark on, 1 batch, 1.0 s"), lines.toString());
  }

  @Test
  void onATerminalOneLineIsRedrawnInPlaceAndCoveredByThePhasesLine() {
    ProgressLine progress = new ProgressLine(out, true, now::get);

    for (int batch = 1; batch <= 3; batch++) {
      now.addAndGet(Duration.ofMillis(200).toNanos());
      progress.batchCommitted(batch(batch, 1000, batch * 1000L, batch * 0.2));
    }
    progress.runFinished(result(3000, 3));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    String[] draws = printed.split("\r", -1);
    assertEquals(5, draws.length, printed); // before the first, three redraws, the phase's line
    assertTrue(draws[1].startsWith("  supplier   batches         1,000 rows so far"), printed);
    assertTrue(draws[3].startsWith("  supplier   batches         3,000 rows so far"), printed);
    assertFalse(draws[3].contains("\n"), "a redraw stays on its line: " + printed);
    assertTrue(draws[4].startsWith("  supplier   batches   3,000 rows, 3 batches, 0.6 s"), printed);
    assertTrue(draws[4].endsWith("\n"), printed);
  }

  @Test
  void aRunThatFoundNothingSaysSo() {
    ProgressLine progress = new ProgressLine(out, false, now::get);

    progress.runFinished(result(0, 0));

    assertEquals("  supplier             nothing new" + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  private static BatchReport chunk(int number, int rows, long inRun, double seconds, boolean last) {
    return new BatchReport("supplier", number, rows, rows, inRun, last ? "2025-12-31T10:00" : null,
        Duration.ofMillis(Math.round(seconds * 1000)), String.valueOf(number * 20_000));
  }

  private static BatchReport batch(int number, int rows, long inRun, double seconds) {
    return new BatchReport("supplier", number, rows, rows, inRun, "2025-12-31T10:00",
        Duration.ofMillis(Math.round(seconds * 1000)), null);
  }

  private static SyncResult result(long rows, int batches) {
    return new SyncResult("supplier", rows, rows, batches, null, List.of(), Duration.ofSeconds(1),
        0, false);
  }
}
