package dev.tablesync.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Starts a {@code main} class of the tests in a JVM of its own, on this JVM's test class path,
 * with its output in a file. The caller must end it ({@link Process#destroyForcibly} in a {@code
 * finally}); a forced end is SIGKILL on Linux.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** The test class path: Surefire's, which lists every test dependency, or this JVM's. */
  public static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  /** The test class path without the entries {@code drop} matches. */
  public static String testClassPathWithout(Predicate<String> drop) {
    return Arrays.stream(testClassPath().split(File.pathSeparator))
        .filter(drop.negate())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Starts {@code main} with {@code args} on {@code classPath}; its output and errors go to
   * {@code log}.
   */
  public static Process start(String classPath, Class<?> main, Path log, String... args)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these JVMs live seconds
    command.add("-cp");
    command.add(classPath);
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** The last lines of a child's log, for a failure message. */
  public static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
