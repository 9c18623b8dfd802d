package dev.tablesync.runtime.testing;

import dev.tablesync.runtime.dialect.Dialects;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * Plain JDBC for test set-up and checks; every value is a bind parameter, and values of the types
 * whose JDBC calls differ by database are bound through the dialect's {@link ColumnValues}, as
 * the engine binds them, so that set-up data is what the test means on every driver.
 */
public final class Sql {

  private Sql() {}

  /** A row mapper that may throw. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs one statement with {@code parameters}; returns the update count. */
  public static int execute(DataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, columnValues(connection), Arrays.asList(parameters));
      statement.execute();
      return statement.getUpdateCount();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code sql} once for each number from {@code from} to {@code to}, in batches. */
  public static void batch(
      DataSource dataSource, String sql, long from, long to, LongFunction<List<?>> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      connection.setAutoCommit(false);
      ColumnValues columnValues = columnValues(connection);
      for (long n = from; n <= to; n++) {
        bind(statement, columnValues, parameters.apply(n));
        statement.addBatch();
        if ((n - from) % 1_000 == 999) {
          statement.executeBatch();
        }
      }
      statement.executeBatch();
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Every row of a query, read by {@code reader}. */
  public static <T> List<T> query(
      DataSource dataSource, String sql, RowReader<T> reader, Object... parameters) {
    return query(dataSource, sql, (rs, columnValues) -> reader.read(rs), parameters);
  }

  /**
   * Every row of a query, whose columns are those of {@code sync}'s record in order, read into
   * records by its generated code as the engine reads them from this database.
   */
  public static <R extends Record> List<R> records(
      DataSource dataSource, String sql, TableSync<R> sync, Object... parameters) {
    return query(dataSource, sql, sync::read, parameters);
  }

  /** A row mapper that reads the types that differ by database through the dialect's values. */
  @FunctionalInterface
  private interface TypedRowReader<T> {
    T read(ResultSet rs, ColumnValues columnValues) throws SQLException;
  }

  private static <T> List<T> query(
      DataSource dataSource, String sql, TypedRowReader<T> reader, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      ColumnValues columnValues = columnValues(connection);
      bind(statement, columnValues, Arrays.asList(parameters));
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs, columnValues));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The dialect's values of the database behind {@code connection}. */
  public static ColumnValues columnValues(Connection connection) throws SQLException {
    return Dialects.detect(connection).columnValues();
  }

  /** Binds {@code values} to parameters 1 to n, as the engine binds values of their types. */
  private static void bind(PreparedStatement statement, ColumnValues columnValues, List<?> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      int index = i + 1;
      Object value = values.get(i);
      if (value instanceof LocalDateTime dateTime) {
        columnValues.setLocalDateTime(statement, index, dateTime);
      } else if (value instanceof LocalTime time) {
        columnValues.setLocalTime(statement, index, time);
      } else if (value instanceof OffsetDateTime dateTime) {
        columnValues.setOffsetDateTime(statement, index, dateTime);
      } else if (value instanceof Instant instant) {
        columnValues.setOffsetDateTime(statement, index, instant.atOffset(ZoneOffset.UTC));
      } else if (value instanceof UUID uuid) {
        columnValues.setUuid(statement, index, uuid);
      } else {
        statement.setObject(index, value);
      }
    }
  }
}
