package dev.tablesync.runtime.types;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.engine.Position;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.ColumnValues;
import dev.tablesync.runtime.spi.TableSync;
import dev.tablesync.runtime.testing.Sql;
import dev.tablesync.runtime.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Writes and reads a synced table's rows with its generated code, as the engine does. */
final class SyncedTables {

  private SyncedTables() {}

  /** The names {@link ColumnTypes} knows the types of keys, cursors and values by. */
  private static final Map<Class<?>, String> TYPE_NAMES =
      Map.ofEntries(
          Map.entry(Boolean.class, "boolean"),
          Map.entry(Byte.class, "byte"),
          Map.entry(Short.class, "short"),
          Map.entry(Integer.class, "int"),
          Map.entry(Long.class, "long"),
          Map.entry(Float.class, "float"),
          Map.entry(Double.class, "double"));

  /** How a test names the column type of one column, given its name and Java type. */
  @FunctionalInterface
  interface TypeNames {
    String of(String column, Class<?> javaType);
  }

  /**
   * The {@code CREATE TABLE} of a sync's table on {@code product}: a column of {@code
   * typeNames}'s type for each component, NOT NULL for primitives, the key and the cursor, and
   * the key as primary key.
   */
  static String createTable(
      String table, TableSync<?> sync, TestServer.Product product, TypeNames typeNames) {
    StringBuilder create = new StringBuilder("CREATE TABLE " + table + " (");
    for (ColumnSpec column : sync.spec().columns()) {
      create
          .append(column.name())
          .append(' ')
          .append(ColumnTypes.of(typeNames.of(column.name(), column.javaType()), product))
          .append(column.nullable() && column.role() == ColumnSpec.Role.VALUE ? "" : " NOT NULL")
          .append(", ");
    }
    create.append("PRIMARY KEY (");
    create.append(
        sync.spec().keys().stream().map(ColumnSpec::name).collect(Collectors.joining(", ")));
    return create.append("))").append(ColumnTypes.tableOptions(product)).toString();
  }

  /** The name {@link ColumnTypes} knows {@code javaType} by: a primitive's for a box. */
  static String typeName(Class<?> javaType) {
    return TYPE_NAMES.getOrDefault(javaType, javaType.getSimpleName());
  }

  /** The record's columns, comma-separated, in spec order. */
  static String columns(TableSync<?> sync) {
    return sync.spec().columns().stream().map(ColumnSpec::name).collect(Collectors.joining(", "));
  }

  /** Inserts {@code rows} into {@code table}, bound by the generated code. */
  static <R extends Record> void insert(
      DataSource dataSource, String table, TableSync<R> sync, List<R> rows) {
    String placeholders =
        sync.spec().columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    String insert =
        "INSERT INTO " + table + " (" + columns(sync) + ") VALUES (" + placeholders + ")";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      ColumnValues columnValues = Sql.columnValues(connection);
      for (R row : rows) {
        sync.bind(statement, row, columnValues);
        statement.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(insert + ": " + e.getMessage(), e);
    }
  }

  /** Every row of {@code table}, in {@code order}, read by the generated code. */
  static <R extends Record> List<R> rows(
      DataSource dataSource, String table, TableSync<R> sync, String order) {
    return Sql.records(
        dataSource, "SELECT " + columns(sync) + " FROM " + table + " ORDER BY " + order, sync);
  }

  /** The position the target's cursor table holds for the sync, decoded. */
  static Position storedPosition(DataSource target, TableSync<?> sync) {
    List<Class<?>> types =
        Stream.concat(Stream.of(sync.spec().cursor()), sync.spec().keys().stream())
            .<Class<?>>map(ColumnSpec::javaType)
            .toList();
    return Sql.query(
            target,
            "SELECT cursor_value, key_value FROM " + SyncEngine.DEFAULT_CURSOR_TABLE
                + " WHERE sync_name = ?",
            rs -> Position.decode(rs.getString(1), rs.getString(2), types),
            sync.spec().name())
        .get(0);
  }
}
