package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.dialect.ErrorKind;
import dev.tablesync.runtime.spi.BadValueException;
import dev.tablesync.runtime.spi.TableSync;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads source rows into records with the generated code, and describes a row it cannot read
 * (its key, position, column and values) instead of failing the read.
 *
 * @param <R> the table's record
 */
final class SourceReader<R extends Record> {

  private final TableSync<R> sync;
  private final RowLayout layout;
  private final TablePlan plan;

  SourceReader(TableSync<R> sync, RowLayout layout, TablePlan plan) {
    this.sync = sync;
    this.layout = layout;
    this.plan = plan;
  }

  /**
   * Reads every row {@code select} returns. A row that cannot be read is rejected rather than
   * thrown, unless its error is transient.
   */
  SourceRows<R> read(PreparedStatement select) throws SQLException {
    SourceRows<R> rows = new SourceRows<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        try {
          R record = sync.read(rs, plan.source().columnValues());
          Object[] values = sync.values(record);
          checkNoValueLost(rs, values);
          rows.add(record, layout.positionOf(values));
        } catch (SQLException | RuntimeException e) {
          if (e instanceof SQLException sql && plan.classify(sql) == ErrorKind.TRANSIENT) {
            throw sql;
          }
          rows.reject(rejected(rs, e));
        }
      }
    }
    return rows;
  }

  /**
   * Fails when the driver read a value that is not SQL NULL as null. MySQL's and MariaDB's
   * drivers do that with a zero date ({@code 0000-00-00}), which no Java date can hold; syncing
   * it as NULL would change the data without a word.
   */
  private void checkNoValueLost(ResultSet rs, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      String text;
      if (values[i] == null && (text = rs.getString(i + 1)) != null) {
        throw new BadValueException(
            layout.column(i).name(),
            "the driver read the value '" + text + "' as NULL; MySQL and MariaDB zero dates"
                + " (0000-00-00) read like that: correct the row, or map such values to NULL in"
                + " the query, e.g. NULLIF(column, '0000-00-00')");
      }
    }
  }

  /** What is known of the row {@code rs} is on, which could not be read as a record. */
  private RejectedRow rejected(ResultSet rs, Exception error) {
    String column;
    if (error instanceof BadValueException bad) {
      column = bad.column();
    } else if (error instanceof SQLException) {
      column = columnBeingRead(rs);
    } else {
      column = null; // the record's constructor refused the values
    }
    int[] positionColumns = layout.positionColumns();
    Object[] position = new Object[positionColumns.length];
    for (int i = 0; i < positionColumns.length; i++) {
      try {
        position[i] =
            Parameters.read(
                rs,
                positionColumns[i] + 1,
                layout.positionTypes().get(i),
                plan.source().columnValues());
      } catch (SQLException | RuntimeException unreadable) {
        position[i] = null;
      }
    }
    List<Object> key = Arrays.asList(Arrays.copyOfRange(position, 1, position.length));
    boolean complete = Arrays.stream(position).allMatch(v -> v != null);
    return new RejectedRow(
        complete ? new Position(Arrays.asList(position)) : null,
        key,
        column,
        error,
        layout.text(i -> rawText(rs, i)));
  }

  /**
   * The column generated code was reading when it failed: it reads the row again through a
   * result set that notes each column asked for, and fails at the same one.
   */
  private String columnBeingRead(ResultSet rs) {
    int[] lastAsked = {0};
    ResultSet noting =
        (ResultSet)
            Proxy.newProxyInstance(
                ResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                  if (method.getName().startsWith("get")
                      && args != null
                      && args.length > 0
                      && args[0] instanceof Integer index) {
                    lastAsked[0] = index;
                  }
                  try {
                    return method.invoke(rs, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try {
      sync.read(noting, plan.source().columnValues());
      return null;
    } catch (SQLException | RuntimeException failedAgain) {
      return lastAsked[0] > 0 ? layout.column(lastAsked[0] - 1).name() : null;
    }
  }

  private static String rawText(ResultSet rs, int column) {
    try {
      return rs.getString(column + 1);
    } catch (SQLException e) {
      return "(unreadable)";
    }
  }
}
