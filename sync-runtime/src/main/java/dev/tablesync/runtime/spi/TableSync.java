package dev.tablesync.runtime.spi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One synced table, implemented by the class the annotation processor generates for each
 * {@code @SyncTable} record and found by the engine through {@link java.util.ServiceLoader}.
 *
 * <p>The generated code knows the record: its columns, and how to read and bind them with typed
 * JDBC calls, or through {@link ColumnValues} for the few types whose calls differ by database.
 * The runtime knows the databases: it renders every statement from {@link #spec()}, lays out the
 * columns in spec order, so that {@link #read} and {@link #bind} can work by position, and passes
 * the {@link ColumnValues} of the database at hand.
 *
 * @param <R> the annotated record
 */
public interface TableSync<R extends Record> {

  /** What the record declares: names, data sources, query and columns. */
  TableSpec spec();

  /**
   * Reads the current row of {@code rs}, whose columns 1 to n are the spec's columns in order.
   *
   * @param columnValues how the database behind {@code rs} reads the types that differ by
   *     database: its dialect's
   * @throws BadValueException when a value cannot become its component (a NULL for a primitive,
   *     an unknown enum name)
   */
  R read(ResultSet rs, ColumnValues columnValues) throws SQLException;

  /**
   * Binds {@code row} to parameters {@code first} to {@code first + n - 1} of {@code statement},
   * in spec column order: one row of a statement that writes several.
   *
   * @param columnValues how the database behind {@code statement} binds the types that differ by
   *     database: its dialect's
   */
  void bind(PreparedStatement statement, int first, R row, ColumnValues columnValues)
      throws SQLException;

  /** Binds {@code row} to parameters 1 to n of {@code statement}, in spec column order. */
  default void bind(PreparedStatement statement, R row, ColumnValues columnValues)
      throws SQLException {
    bind(statement, 1, row, columnValues);
  }

  /** The row's values in spec column order, boxed: for cursors, keys and error messages. */
  Object[] values(R row);
}
