package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.engine.Redaction;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MySQL's and MariaDB's bulk path: {@code LOAD DATA LOCAL INFILE ... IGNORE}, fed from the rows in
 * memory through the driver's stream hook; the driver is never let to read a file. {@code
 * IGNORE} rather than {@code REPLACE}: a replaced row is deleted first, which would reset target
 * columns the sync does not write and fire {@code ON DELETE} actions. A row whose key exists is
 * skipped with a warning instead, and so is a value the server adjusts (with {@code LOCAL},
 * strict mode only warns), so any warning makes the caller upsert the chunk: exact, and as fast
 * as the load where the keys are new, as in an initial sync.
 *
 * <p>Staged, the rows are loaded into a temporary table of the target's columns instead, and
 * written from it by one {@code INSERT ... SELECT ... ON DUPLICATE KEY UPDATE}: new and existing
 * keys alike, as a backlog has them. Temporary tables are the session's own, and creating or
 * dropping one does not end the transaction.
 */
final class LoadDataLocalInfile implements BulkLoader {

  private static final Logger log = LoggerFactory.getLogger(LoadDataLocalInfile.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final Optional<Class<?>> MARIADB_STATEMENT =
      OptionalDrivers.find(MariaDbLocalInfile.STATEMENT_CLASS);
  private static final Optional<Class<?>> MYSQL_STATEMENT =
      OptionalDrivers.find(MySqlLocalInfile.STATEMENT_CLASS);

  /**
   * Error codes of a refusal of local data, by the server's {@code local_infile} or the client's
   * capabilities: not allowed (1148), MySQL's local files disabled (3948), MariaDB's local infile
   * capability disabled (4166).
   */
  private static final Set<Integer> LOCAL_DATA_REFUSED = Set.of(1148, 3948, 4166);

  private final String table;
  private final List<String> before;
  private final String load;
  private final List<String> after;
  private final AtomicBoolean toldUnavailable = new AtomicBoolean();
  /** Set once local data was refused; an engine's later loads do not ask again. */
  private volatile boolean refused;

  /**
   * @param table the target table, for logs
   * @param before statements run before the load: a staging table's creation
   * @param load the {@code LOAD DATA LOCAL INFILE} statement
   * @param after statements run after a load that stored every row: the upsert from the staging
   *     table, and its removal
   */
  LoadDataLocalInfile(String table, List<String> before, String load, List<String> after) {
    this.table = table;
    this.before = List.copyOf(before);
    this.load = load;
    this.after = List.copyOf(after);
  }

  /** A value as the load reads it: bytes in hex, which the statement decodes with UNHEX. */
  static String text(Object value) {
    return value instanceof byte[] bytes ? HEX.formatHex(bytes) : TabSeparatedRows.standardText(value);
  }

  @Override
  public boolean load(Connection target, List<Object[]> rows) throws SQLException {
    if (refused) {
      return false;
    }
    try (Statement statement = target.createStatement()) {
      if (!sendsRows(statement, new TabSeparatedRows(rows, LoadDataLocalInfile::text))) {
        return false;
      }
      // On a statement of their own: a driver sends the stream with the next statement it runs.
      try (Statement staging = target.createStatement()) {
        for (String sql : before) {
          staging.execute(sql);
        }
      }
      int inserted = statement.executeUpdate(load);
      if (inserted != rows.size() || statement.getWarnings() != null) {
        return false;
      }
      for (String sql : after) {
        statement.execute(sql);
      }
      return true;
    } catch (SQLException e) {
      if (!LOCAL_DATA_REFUSED.contains(e.getErrorCode())) {
        throw e;
      }
      refused = true;
      tellUnavailable(
          "the server or the driver refuses local data: "
              + Redaction.describe(e));
      return false;
    }
  }

  /** Hands {@code rows} to the driver for the load; false when this driver cannot take them. */
  private boolean sendsRows(Statement statement, InputStream rows) throws SQLException {
    if (MARIADB_STATEMENT.isPresent() && statement.isWrapperFor(MARIADB_STATEMENT.get())) {
      MariaDbLocalInfile.sendRows(statement, rows);
      return true;
    }
    if (MYSQL_STATEMENT.isPresent() && statement.isWrapperFor(MYSQL_STATEMENT.get())) {
      if (MySqlLocalInfile.allowed(statement.getConnection())) {
        MySqlLocalInfile.sendRows(statement, rows);
        return true;
      }
      tellUnavailable("MySQL Connector/J sends no local data unless allowLoadLocalInfile=true");
      return false;
    }
    tellUnavailable("only MariaDB Connector/J and MySQL Connector/J can stream LOAD DATA");
    return false;
  }

  private void tellUnavailable(String why) {
    if (toldUnavailable.compareAndSet(false, true)) {
      log.info("{}: bulk writes are batched upserts instead: {}", table, why);
    }
  }
}
