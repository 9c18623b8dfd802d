package dev.tablesync.processor.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.ParserException;

/**
 * Why jOOQ's parser rejected some SQL, split into parts a message can quote.
 *
 * @param problem what the parser expected or did not know, such as {@code Identifier expected}
 * @param line the line in the SQL, from 1
 * @param column the column in the line, from 1
 * @param context the SQL around the spot, which jOOQ marks with {@code [*]}, on one line
 * @param proEditionOnly whether the SQL is valid but only jOOQ's commercial editions read it
 */
public record ParserProblem(
    String problem, int line, int column, String context, boolean proEditionOnly) {

  /** jOOQ's messages read {@code "<problem>: [<line>:<column>] <sql with [*]>"}. */
  private static final Pattern MESSAGE = Pattern.compile("(?s)(.*?): \\[\\d+:\\d+\\] (.*)");

  private static final String PRO_EDITION_ONLY = "Feature only supported in pro edition";

  public static ParserProblem of(ParserException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher parts = MESSAGE.matcher(message);
    String problem = parts.matches() ? parts.group(1) : message;
    String context = parts.matches() ? parts.group(2) : "";
    return new ParserProblem(
        problem,
        e.line(),
        e.column(),
        context.replaceAll("\\s+", " ").strip(),
        problem.startsWith(PRO_EDITION_ONLY));
  }

  /** {@code line 3, column 14: ... WHERE [*]x ...}, to follow the problem in a message. */
  public String where() {
    return "line " + line + ", column " + column + ": " + context;
  }
}
