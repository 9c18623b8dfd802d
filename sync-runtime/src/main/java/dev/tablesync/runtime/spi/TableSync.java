package dev.tablesync.runtime.spi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One synced table, implemented by the class the annotation processor generates for each
 * {@code @SyncTable} record and found by the engine through {@link java.util.ServiceLoader}.
 *
 * <p>The generated code knows the record: its columns, and how to read and bind them with typed
 * JDBC calls. The runtime knows the databases: it renders every statement from {@link #spec()}
 * and lays out the columns in spec order, so that {@link #read} and {@link #bind} can work by
 * position.
 *
 * @param <R> the annotated record
 */
public interface TableSync<R extends Record> {

  /** What the record declares: names, data sources, query and columns. */
  TableSpec spec();

  /**
   * Reads the current row of {@code rs}, whose columns 1 to n are the spec's columns in order.
   *
   * @throws BadValueException when a value cannot become its component (a NULL for a primitive,
   *     an unknown enum name)
   */
  R read(ResultSet rs) throws SQLException;

  /** Binds {@code row} to parameters 1 to n of {@code statement}, in spec column order. */
  void bind(PreparedStatement statement, R row) throws SQLException;

  /** The row's values in spec column order, boxed: for cursors, keys and error messages. */
  Object[] values(R row);
}
