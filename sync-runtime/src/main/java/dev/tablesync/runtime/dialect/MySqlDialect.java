package dev.tablesync.runtime.dialect;

import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL. From 8.0.19 the upsert names the new row with an alias, since {@code VALUES()} in {@code
 * ON DUPLICATE KEY UPDATE} is deprecated there; older servers get {@code VALUES()}.
 */
public class MySqlDialect extends StandardDialect {

  /**
   * Server error codes worth a retry that do not carry a transient SQLState: lock wait timeout
   * (1205, also what {@code NOWAIT} reports), deadlock (1213), connection killed (1927), client
   * disconnected for inactivity (4031).
   */
  private static final Set<Integer> TRANSIENT_CODES = Set.of(1205, 1213, 1927, 4031);

  private final boolean rowAlias;
  private final ColumnValues columnValues;

  /**
   * @param rowAlias whether the server takes {@code INSERT ... AS new} (MySQL 8.0.19 and later)
   * @param columnValues how the driver in use must bind and read times and UUIDs
   */
  public MySqlDialect(boolean rowAlias, ColumnValues columnValues) {
    super(IdentifierCase.AS_WRITTEN);
    this.rowAlias = rowAlias;
    this.columnValues = columnValues;
  }

  @Override
  public String name() {
    return rowAlias ? "MySQL" : "MySQL (before 8.0.19)";
  }

  @Override
  public ColumnValues columnValues() {
    return columnValues;
  }

  @Override
  protected String quotePart(String part) {
    return '`' + part + '`';
  }

  @Override
  public String upsert(TableSpec table, int rows) {
    String insert =
        "INSERT INTO " + quote(table.targetTable()) + " (" + columnList(table) + ")\nVALUES "
            + rowsOfPlaceholders(table, rows);
    return rowAlias ? insert + " AS new" + updateFromNew(table) : insert + updateFromValues(table);
  }

  /** {@code ON DUPLICATE KEY UPDATE} of every non-key column from the row named {@code new}. */
  private String updateFromNew(TableSpec table) {
    return "\nON DUPLICATE KEY UPDATE "
        + nonKeyColumns(table, c -> quote(c.name()) + " = new." + quote(c.name()))
        + clearedMark(table, "");
  }

  /** {@code ON DUPLICATE KEY UPDATE} of every non-key column from {@code VALUES()}. */
  private String updateFromValues(TableSpec table) {
    return "\nON DUPLICATE KEY UPDATE "
        + nonKeyColumns(table, c -> quote(c.name()) + " = VALUES(" + quote(c.name()) + ")")
        + clearedMark(table, "");
  }

  @Override
  public Optional<BulkLoader> bulkLoader(TableSpec table) {
    if (hasInstantColumns(table)) {
      return Optional.empty();
    }
    return Optional.of(
        new LoadDataLocalInfile(
            table.targetTable(), List.of(), loadInto(table, quote(table.targetTable())), List.of()));
  }

  /**
   * The snapshot's {@code LOAD DATA ... IGNORE}, which skips (and warns of) a key the target has,
   * then the load into a staging table.
   */
  @Override
  public List<BulkLoader> backlogLoaders(TableSpec table) {
    if (hasInstantColumns(table)) {
      return List.of();
    }
    return List.of(bulkLoader(table).orElseThrow(), stagedLoad(table));
  }

  private BulkLoader stagedLoad(TableSpec table) {
    // A temporary table hides a table of the same name for the session; no target is touched.
    String stage = "tablesync_stage";
    String columns = columnList(table);
    String select = "SELECT " + columns + " FROM " + stage;
    String upsert =
        "INSERT INTO " + quote(table.targetTable()) + " (" + columns + ")\n"
            + (rowAlias
                ? "SELECT * FROM (" + select + ") AS new" + updateFromNew(table)
                : select + updateFromValues(table));
    return new LoadDataLocalInfile(
        table.targetTable(),
        List.of(
            "DROP TEMPORARY TABLE IF EXISTS " + stage,
            "CREATE TEMPORARY TABLE " + stage + " LIKE " + quote(table.targetTable())),
        loadInto(table, stage),
        List.of(upsert, "DROP TEMPORARY TABLE " + stage));
  }

  /** The {@code LOAD DATA} of the table's columns into {@code into}, a quoted table name. */
  private String loadInto(TableSpec table, String into) {
    List<String> fields = new ArrayList<>();
    List<String> decoded = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSpec column = table.columns().get(i);
      if (column.javaType() == byte[].class) {
        // Bytes travel as hex text into a variable, decoded into the column.
        fields.add("@bytes" + i);
        decoded.add(quote(column.name()) + " = UNHEX(@bytes" + i + ")");
      } else {
        fields.add(quote(column.name()));
      }
    }
    // The driver sends the stream it is given; the file name is only what the syntax needs.
    return "LOAD DATA LOCAL INFILE 'tablesync-rows' IGNORE INTO TABLE " + into
        + " CHARACTER SET utf8mb4 (" + String.join(", ", fields) + ")"
        + (decoded.isEmpty() ? "" : " SET " + String.join(", ", decoded));
  }

  @Override
  public long maxStatementBytes(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet packet = query.executeQuery("SELECT @@max_allowed_packet")) {
      packet.next();
      return packet.getLong(1);
    }
  }

  /** InnoDB undoes a failed statement and keeps the transaction, with its locks. */
  @Override
  public boolean undoesFailedStatements() {
    return true;
  }

  @Override
  public String currentTimestampQuery() {
    return "SELECT NOW(6)";
  }

  @Override
  public String currentUtcTimestampQuery() {
    return "SELECT UTC_TIMESTAMP(6)";
  }

  @Override
  protected String timestampType() {
    return "DATETIME(6)";
  }

  @Override
  protected String largeTextType() {
    return "MEDIUMTEXT";
  }

  @Override
  protected boolean isTransient(SQLException e) {
    return super.isTransient(e) || TRANSIENT_CODES.contains(e.getErrorCode());
  }
}
