package dev.tablesync.runtime.bench;

import dev.tablesync.runtime.dialect.KeysetSelect;
import dev.tablesync.runtime.dialect.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * What one batch's keyset read costs the PostgreSQL source at the start of the table and near its
 * end (after 98% of its rows), in TableSync's form (row values) and in the expanded form: the
 * median of repeated reads on one prepared statement, as a run makes them.
 */
final class SourceReadCost {

  private static final int WARM_UP = 10;
  private static final int MEASURED = 30;

  private SourceReadCost() {}

  /**
   * Milliseconds per read: row values at the start, at the end; the expanded form at the start,
   * at the end.
   */
  static double[] measure(DataSource source, int batch) throws SQLException {
    KeysetSelect rowValues =
        new PostgresDialect().keysetSelect(new BenchSupplierSync().spec(), true, false);
    String expanded =
        "SELECT " + BenchSupplier.COLUMNS + " FROM supplier_src WHERE last_time >= ? AND"
            + " (last_time > ? OR (last_time = ? AND supplier_id > ?))"
            + " ORDER BY last_time, supplier_id LIMIT ?";
    try (Connection connection = source.getConnection()) {
      Object[] start = {BenchData.START.minusDays(1), 0L};
      Object[] end = nearTheEnd(connection);
      try (PreparedStatement read = connection.prepareStatement(rowValues.sql());
          PreparedStatement old = connection.prepareStatement(expanded)) {
        return new double[] {
          millis(read, rowValues, start, batch),
          millis(read, rowValues, end, batch),
          millis(old, start, batch),
          millis(old, end, batch)
        };
      }
    }
  }

  /** The (time, id) of the row after 98% of the table's rows, in keyset order. */
  private static Object[] nearTheEnd(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT last_time, supplier_id FROM supplier_src ORDER BY last_time, supplier_id"
                + " OFFSET (SELECT COUNT(*) * 98 / 100 FROM supplier_src) LIMIT 1");
        ResultSet row = query.executeQuery()) {
      row.next();
      return new Object[] {row.getObject(1, LocalDateTime.class), row.getLong(2)};
    }
  }

  private static double millis(
      PreparedStatement read, KeysetSelect shape, Object[] after, int batch) throws SQLException {
    int index = 1;
    for (KeysetSelect.Parameter parameter : shape.parameters()) {
      if (parameter instanceof KeysetSelect.PositionValue value) {
        read.setObject(index, after[value.element()]);
      } else {
        read.setInt(index, batch);
      }
      index++;
    }
    return median(read);
  }

  private static double millis(PreparedStatement read, Object[] after, int batch)
      throws SQLException {
    read.setObject(1, after[0]);
    read.setObject(2, after[0]);
    read.setObject(3, after[0]);
    read.setObject(4, after[1]);
    read.setInt(5, batch);
    return median(read);
  }

  private static double median(PreparedStatement read) throws SQLException {
    double[] millis = new double[MEASURED];
    for (int i = -WARM_UP; i < MEASURED; i++) {
      long started = System.nanoTime();
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          rows.getString(1);
        }
      }
      if (i >= 0) {
        millis[i] = (System.nanoTime() - started) / 1e6;
      }
    }
    Arrays.sort(millis);
    return millis[MEASURED / 2];
  }
}
