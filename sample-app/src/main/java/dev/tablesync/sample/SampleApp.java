package dev.tablesync.sample;

import dev.tablesync.sample.cli.DemoCommand;
import dev.tablesync.sample.cli.ReconcileCommand;
import dev.tablesync.sample.cli.RunCommand;
import dev.tablesync.sample.cli.StatusCommand;
import dev.tablesync.sample.cli.SyncCommand;
import dev.tablesync.sample.cli.TablesCommand;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The sample's command-line program: {@code demo}, {@code sync}, {@code run}, {@code status} and
 * {@code tables}.
 */
@Command(
    name = "sample-app",
    description = "TableSync's sample: the seed's ERP tables synced into a warehouse system.",
    mixinStandardHelpOptions = true)
public final class SampleApp {

  private SampleApp() {}

  /** The command line, writing to {@code out}. */
  public static CommandLine commandLine(PrintStream out) {
    return new CommandLine(new SampleApp())
        .addSubcommand(new DemoCommand(out))
        .addSubcommand(new SyncCommand(out))
        .addSubcommand(new RunCommand(out))
        .addSubcommand(new StatusCommand(out))
        .addSubcommand(new ReconcileCommand(out))
        .addSubcommand(new TablesCommand(out));
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.out).execute(args));
  }
}
