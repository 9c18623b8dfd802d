package dev.tablesync.processor.sql;

import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseSearchSchema;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.ParseWithMetaLookups;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The jOOQ parsers the processor reads SQL with, set up in one place so that queries and schemas
 * are read alike.
 *
 * <p>All of them use jOOQ's {@link SQLDialect#DEFAULT} dialect: the open-source edition has no SQL
 * Server dialect, and the default one reads T-SQL {@code TOP}, {@code [brackets]} and {@code dbo.}
 * names as well as MySQL backticks and PostgreSQL casts. Unknown functions ({@code dbo.fn(x)},
 * vendor built-ins) are accepted as they are.
 */
public final class SqlParsing {

  private SqlParsing() {}

  /** Jooq prints a banner and a tip on first use; keep both out of the user's build output. */
  public static void silenceJooqBanner() {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  /** Reads names as written, so that messages quote the user's own spelling. */
  public static DSLContext asWritten() {
    return DSL.using(SQLDialect.DEFAULT, settings(ParseNameCase.AS_IS));
  }

  /**
   * Reads every name in lower case. Schemas are read this way, and queries looked up in them, so
   * that names match ignoring case as they do in SQL Server and MySQL.
   */
  public static DSLContext lowerCaseNames() {
    return DSL.using(SQLDialect.DEFAULT, settings(ParseNameCase.LOWER));
  }

  /**
   * Reads queries against {@code schema}: an unknown table or column fails the parse, and every
   * selected field carries its column's type. Unqualified tables are searched in {@code searchPath}
   * (the schemas the DDL creates, such as {@code dbo}).
   */
  public static DSLContext lookingUpNamesIn(Meta schema, Collection<Schema> searchPath) {
    Settings settings =
        settings(ParseNameCase.LOWER)
            .withParseWithMetaLookups(ParseWithMetaLookups.THROW_ON_FAILURE)
            .withParseSearchPath(
                searchPath.stream()
                    .map(s -> new ParseSearchSchema().withSchema(s.getName()))
                    .toList());
    return DSL.using(
        new DefaultConfiguration().set(SQLDialect.DEFAULT).set(settings).set(() -> schema));
  }

  private static Settings settings(ParseNameCase nameCase) {
    return new Settings()
        .withParseNameCase(nameCase)
        .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE);
  }
}
