package dev.tablesync.runtime.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server named by an environment variable, such as the machine's own MariaDB 10.11, a MySQL 8
 * or a SQL Server in Docker. The URL names an existing database (in its path, or in SQL Server's
 * {@code databaseName} property); the tests create their databases beside it.
 */
final class ExternalServer extends TestServer {

  private static final Pattern SQL_SERVER_DATABASE = Pattern.compile("(?i)(;databaseName=)([^;]*)");

  private final String url;
  private final String database;

  ExternalServer(String variable, String url, Product product) {
    super(variable + " (" + url.replaceAll("password=[^&;]*", "password=***") + ")", product);
    this.url = url;
    this.database = databaseOf(url);
  }

  private static String databaseOf(String url) {
    if (url.startsWith("jdbc:sqlserver:")) {
      Matcher property = SQL_SERVER_DATABASE.matcher(url);
      if (!property.find()) {
        throw new IllegalArgumentException("a SQL Server URL needs ;databaseName=...: " + url);
      }
      return property.group(2);
    }
    int slash = url.indexOf('/', url.indexOf("//") + 2);
    int end = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c, slash);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return url.substring(slash + 1, end);
  }

  @Override
  protected String url(String name) {
    if (url.startsWith("jdbc:sqlserver:")) {
      return SQL_SERVER_DATABASE.matcher(url).replaceFirst("$1" + name);
    }
    return url.replace("/" + database, "/" + name);
  }

  @Override
  protected void createDatabase(String name) {
    createDatabaseFrom(database, name);
  }
}
