package dev.tablesync.runtime.engine;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Masks secrets in text the engine logs or puts in its exceptions: drivers quote JDBC URLs in
 * metadata and in some error messages, and URLs may carry a password.
 */
public final class Redaction {

  /**
   * {@code password=...}, {@code trustStorePassword=...}, {@code pwd=...} and similar, up to the
   * next separator of URLs, property lists and JSON.
   */
  private static final Pattern SECRET_SETTING =
      Pattern.compile(
          "(?i)(password|passwd|pwd|secret|access[_-]?token|api[_-]?key)([\"']?\\s*[=:]\\s*)"
              + "(\"[^\"]*\"|'[^']*'|\\{[^}]*\\}|[^&;,)\\s]*)");

  /** The password of {@code //user:password@host}. */
  private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]*):[^@/\\s]*@");

  private Redaction() {}

  /** {@code text} with every password it holds replaced by {@code ***}; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String masked = SECRET_SETTING.matcher(text).replaceAll("$1$2***");
    return URL_USER_INFO.matcher(masked).replaceAll("$1:***@");
  }

  /**
   * The message of {@code error} as the engine logs it and puts it in its exceptions: passwords
   * masked, the SQLState and vendor code appended. Of a batch's error, the one chained next,
   * which drivers use for the server's own error.
   */
  public static String describe(Exception error) {
    if (error instanceof SQLException sql) {
      SQLException cause = sql.getNextException() != null ? sql.getNextException() : sql;
      String message = redact(cause.getMessage());
      if (cause.getSQLState() == null && cause.getErrorCode() == 0) {
        return message;
      }
      return message + " [SQLState " + cause.getSQLState() + ", error code "
          + cause.getErrorCode() + "]";
    }
    return redact(error.toString());
  }

  /**
   * A copy of {@code error} and its causes for logging, with each message redacted and each
   * stack trace kept; the copies name the original classes in their messages.
   */
  public static Throwable redact(Throwable error) {
    return redact(error, 0);
  }

  private static Throwable redact(Throwable error, int depth) {
    // A cause chain may loop; no real one is this deep.
    if (error == null || depth == 50) {
      return null;
    }
    RedactedThrowable copy =
        new RedactedThrowable(
            error.getClass().getName() + ": " + redact(error.getMessage()),
            redact(error.getCause(), depth + 1));
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }

  /** An exception whose message was redacted; its class is named in the message. */
  private static final class RedactedThrowable extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedThrowable(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
