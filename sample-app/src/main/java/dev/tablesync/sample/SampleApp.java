package dev.tablesync.sample;

import dev.tablesync.runtime.engine.Redaction;
import dev.tablesync.sample.cli.CommandFailure;
import dev.tablesync.sample.cli.DemoCommand;
import dev.tablesync.sample.cli.Output;
import dev.tablesync.sample.cli.ReconcileCommand;
import dev.tablesync.sample.cli.RunCommand;
import dev.tablesync.sample.cli.StatusCommand;
import dev.tablesync.sample.cli.SyncCommand;
import dev.tablesync.sample.cli.TablesCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The sample's command-line program: {@code demo}, {@code sync}, {@code run}, {@code status} and
 * {@code tables}. A command that fails prints what failed in one line each (passwords masked)
 * and exits with 1; {@code --verbose} adds the stack trace.
 */
@Command(
    name = "sample-app",
    description = "TableSync's sample: the seed's ERP tables synced into a warehouse system.",
    mixinStandardHelpOptions = true)
public final class SampleApp {

  /** Exit status of a command that failed. */
  public static final int FAILED = 1;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On a failure, print the stack trace too.")
  boolean verbose;

  private SampleApp() {}

  /** The command line, printing to {@code out} alone, which is not a terminal. */
  public static CommandLine commandLine(PrintStream out) {
    return commandLine(Output.plain(out));
  }

  /** The command line, printing to {@code output}. */
  public static CommandLine commandLine(Output output) {
    return new CommandLine(new SampleApp())
        .addSubcommand(new DemoCommand(output))
        .addSubcommand(new SyncCommand(output))
        .addSubcommand(new RunCommand(output))
        .addSubcommand(new StatusCommand(output))
        .addSubcommand(new ReconcileCommand(output))
        .addSubcommand(new TablesCommand(output.out()))
        .setOut(new PrintWriter(output.out(), true))
        .setErr(new PrintWriter(output.err(), true))
        .setExecutionExceptionHandler(SampleApp::report);
  }

  public static void main(String[] args) {
    System.exit(commandLine(Output.standard()).execute(args));
  }

  /** Prints a command's failure: its own lines, or the exception's message; masked either way. */
  private static int report(Exception failure, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String message = Redaction.redact(String.valueOf(failure.getMessage()));
    err.println(failure instanceof CommandFailure ? message : "error: " + message);
    if (verbose(parsed)) {
      Redaction.redact(failure).printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }

  private static boolean verbose(ParseResult parsed) {
    return parsed.asCommandLineList().stream()
        .anyMatch(line -> line.getParseResult().hasMatchedOption("--verbose"));
  }
}
