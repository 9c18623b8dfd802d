package dev.tablesync.sample.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Runs a DDL script from the class path: statements end with {@code ;}, lines with {@code --}. */
public final class SqlScript {

  private SqlScript() {}

  /** Runs every statement of the resource {@code path} on {@code dataSource}. */
  public static void run(DataSource dataSource, String path) throws SQLException {
    String script = read(path).replaceAll("(?m)--.*$", "");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : script.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql.strip());
        }
      }
    }
  }

  private static String read(String path) {
    try (InputStream in = SqlScript.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
