package dev.tablesync.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's bulk path: {@code COPY} into a temporary table with the target's columns, dropped
 * at commit, then one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} from it, which stores
 * what the row-by-row upsert would. The temporary table is made from the target's columns alone
 * ({@code CREATE TABLE AS ... WITH NO DATA}), so that constraints and identity columns apply once,
 * in the insert, as they do to the upsert.
 */
final class PostgresCopy implements BulkLoader {

  private static final Logger log = LoggerFactory.getLogger(PostgresCopy.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final Optional<Class<?>> PG_CONNECTION =
      OptionalDrivers.find(PgCopyIn.CONNECTION_CLASS);

  private final String table;
  private final String createStage;
  private final String copy;
  private final String insert;
  private final AtomicBoolean toldUnavailable = new AtomicBoolean();

  /**
   * @param table the target table, for logs
   * @param createStage creates the temporary table, dropped at commit
   * @param copy the {@code COPY ... FROM STDIN} into it
   * @param insert the upsert of its rows into the target
   */
  PostgresCopy(String table, String createStage, String copy, String insert) {
    this.table = table;
    this.createStage = createStage;
    this.copy = copy;
    this.insert = insert;
  }

  /** A value as {@code COPY} reads it: bytes in bytea's hex form. */
  static String text(Object value) {
    return value instanceof byte[] bytes
        ? "\\x" + HEX.formatHex(bytes)
        : TabSeparatedRows.standardText(value);
  }

  @Override
  public boolean load(Connection target, List<Object[]> rows) throws SQLException {
    if (PG_CONNECTION.isEmpty() || !target.isWrapperFor(PG_CONNECTION.get())) {
      if (toldUnavailable.compareAndSet(false, true)) {
        log.info(
            "{}: bulk writes are batched upserts instead: only PostgreSQL JDBC can COPY",
            table);
      }
      return false;
    }
    try (Statement statement = target.createStatement()) {
      statement.execute(createStage);
      PgCopyIn.copy(target, copy, new TabSeparatedRows(rows, PostgresCopy::text));
      statement.executeUpdate(insert);
    }
    return true;
  }
}
