package dev.tablesync.sample.demo;

import dev.tablesync.runtime.dialect.Dialects;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Compares what a table's query returns in the source with what its target table holds, row by
 * row through the generated reader, so that the demo can show the copy is exact.
 */
public final class TableComparison {

  private TableComparison() {}

  /**
   * The outcome of a comparison.
   *
   * @param sourceRows rows the query returns
   * @param targetRows rows in the target table
   * @param differing source rows missing from the target or different there, plus target rows
   *     the source does not have
   */
  public record Outcome(int sourceRows, int targetRows, int differing) {
    public boolean identical() {
      return differing == 0;
    }
  }

  /** Compares the table of {@code sync} between {@code source} and {@code target}. */
  public static <R extends Record> Outcome compare(
      TableSync<R> sync, DataSource source, DataSource target) throws SQLException {
    TableSpec table = sync.spec();
    String columns =
        table.columns().stream().map(ColumnSpec::name).collect(Collectors.joining(", "));
    Map<List<Object>, R> sourceRows =
        read(sync, source, "SELECT " + columns + " FROM (" + table.query() + ") q");
    Map<List<Object>, R> targetRows =
        read(sync, target, "SELECT " + columns + " FROM " + table.targetTable());
    int differing = 0;
    for (Map.Entry<List<Object>, R> row : sourceRows.entrySet()) {
      if (!row.getValue().equals(targetRows.get(row.getKey()))) {
        differing++;
      }
    }
    for (List<Object> key : targetRows.keySet()) {
      if (!sourceRows.containsKey(key)) {
        differing++;
      }
    }
    return new Outcome(sourceRows.size(), targetRows.size(), differing);
  }

  private static <R extends Record> Map<List<Object>, R> read(
      TableSync<R> sync, DataSource dataSource, String sql) throws SQLException {
    int[] keys = sync.spec().keyIndexes();
    Map<List<Object>, R> rows = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      ColumnValues columnValues = Dialects.detect(connection).columnValues();
      while (rs.next()) {
        R row = sync.read(rs, columnValues);
        Object[] values = sync.values(row);
        rows.put(java.util.Arrays.stream(keys).mapToObj(i -> values[i]).toList(), row);
      }
    }
    return rows;
  }
}
