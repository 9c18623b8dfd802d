package dev.tablesync.sample.cli;

import java.io.Console;
import java.io.PrintStream;

/**
 * Where a command prints, and whether a person watches it live: progress redraws its line only
 * on a terminal; in a log, a pipe or an IDE console it prints lines that stay.
 *
 * @param out what the command reports
 * @param err one line per failure
 * @param terminal whether {@code out} is an interactive terminal
 */
public record Output(PrintStream out, PrintStream err, boolean terminal) {

  /** Output into {@code out} alone, not a terminal: what tests and logs see. */
  public static Output plain(PrintStream out) {
    return new Output(out, out, false);
  }

  /** This process's standard output and error, a terminal if they are one. */
  public static Output standard() {
    return new Output(System.out, System.err, isTerminal());
  }

  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    // From Java 22 a console exists when output is redirected too; only isTerminal() tells.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException olderJava) {
      return true; // before Java 22, a console exists only on a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
