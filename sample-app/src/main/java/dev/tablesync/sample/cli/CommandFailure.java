package dev.tablesync.sample.cli;

import dev.tablesync.runtime.engine.Redaction;

/**
 * A failure the program reports as lines of its own, one per problem, without a stack trace
 * unless asked for one ({@code --verbose}): what failed, where, and the driver's reason.
 */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CommandFailure(String lines, Throwable cause) {
    super(lines, cause);
  }

  /**
   * The driver's reason for {@code error} on one line, as the engine words it: passwords masked,
   * SQLState and error code appended.
   */
  static String reason(Exception error) {
    return Redaction.describe(error).replaceAll("\\s*\\R\\s*", " ");
  }
}
