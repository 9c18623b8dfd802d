package dev.tablesync.runtime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** What the processor adds to javac: {@code records} generated records, compiled with and without it. */
final class ProcessorCost {

  /**
   * @param plainSeconds median javac time with {@code -proc:none}
   * @param processedSeconds median javac time with the processor
   */
  record Result(double plainSeconds, double processedSeconds) {
    double ratio() {
      return processedSeconds / plainSeconds;
    }
  }

  private ProcessorCost() {}

  static Result measure(int records, int runs) throws IOException {
    Path sources = Files.createTempDirectory("tablesync-bench-sources");
    List<String> files = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      Path file = sources.resolve("bench/Table" + i + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source(i));
      files.add(file.toString());
    }
    double[] plain = new double[runs];
    double[] processed = new double[runs];
    // The first compilations load and warm up javac and the processor; they are not counted.
    compile(files, "-proc:none");
    compile(files, "-processor", "dev.tablesync.processor.SyncProcessor");
    for (int run = 0; run < runs; run++) {
      plain[run] = compile(files, "-proc:none");
      processed[run] = compile(files, "-processor", "dev.tablesync.processor.SyncProcessor");
    }
    return new Result(median(plain), median(processed));
  }

  private static double compile(List<String> files, String... options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createTempDirectory("tablesync-bench-classes");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d", classes.toString(),
                "-s", classes.toString(),
                "-cp", BenchClasspath.get(),
                "--release", "17"));
    arguments.addAll(Arrays.asList(options));
    arguments.addAll(files);
    long started = System.nanoTime();
    int exit = javac.run(null, null, null, arguments.toArray(String[]::new));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("javac failed with " + exit);
    }
    return seconds;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String source(int i) {
    return """
        package bench;

        import dev.tablesync.annotations.*;
        import java.math.BigDecimal;
        import java.time.LocalDateTime;

        @SyncTable(name = "table_%1$d", targetTable = "target_%1$d", query = \"""
            SELECT id, code, name, amount, quantity, active, changed_at FROM source_%1$d
            \""")
        public record Table%1$d(@SyncKey long id, String code, String name, BigDecimal amount,
            Integer quantity, boolean active, @SyncCursor LocalDateTime changedAt) {}
        """
        .formatted(i);
  }
}
