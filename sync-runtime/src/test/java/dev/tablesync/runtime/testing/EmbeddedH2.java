package dev.tablesync.runtime.testing;

/** H2 in this JVM, in its default mode: each database is in memory, kept until the JVM exits. */
final class EmbeddedH2 extends TestServer {

  EmbeddedH2() {
    super("embedded H2", Product.H2);
  }

  @Override
  protected String url(String database) {
    return "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
  }

  @Override
  protected void createDatabase(String name) {
    // An in-memory H2 database comes into being with its first connection.
  }
}
