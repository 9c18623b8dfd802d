package dev.tablesync.runtime.testing;

/**
 * A server named by an environment variable, such as the machine's own MariaDB 10.11 or a MySQL 8
 * in Docker. The URL names an existing database; the tests create their databases beside it.
 */
final class ExternalServer extends TestServer {

  private final String url;
  private final String database;

  ExternalServer(String variable, String url, Product product) {
    super(variable + " (" + url.replaceAll("password=[^&;]*", "password=***") + ")", product);
    int slash = url.indexOf('/', url.indexOf("//") + 2);
    int end = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c, slash);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    this.url = url;
    this.database = url.substring(slash + 1, end);
  }

  @Override
  protected String url(String name) {
    return url.replace("/" + database, "/" + name);
  }

  @Override
  protected String adminDatabase() {
    return database;
  }
}
