package dev.tablesync.runtime.types;

import dev.tablesync.runtime.testing.TestServer;
import java.util.Map;

/**
 * The column type the type tests give each Java type on each product: the table in {@code
 * sync-runtime/TYPES.md}. Keys are the Java type's simple name, or a name for a variant
 * ({@code large String}).
 */
final class ColumnTypes {

  /** One Java type's column type on each product; null where the product has none. */
  private record OnEachProduct(
      String mariaDb, String mySql, String postgres, String sqlServer, String h2) {

    static OnEachProduct same(String type) {
      return new OnEachProduct(type, type, type, type, type);
    }

    String on(TestServer.Product product) {
      return switch (product) {
        case MARIADB -> mariaDb;
        case MYSQL -> mySql;
        case POSTGRESQL -> postgres;
        case SQLSERVER -> sqlServer;
        case H2 -> h2;
      };
    }
  }

  private static final String TIMESTAMP_WITH_ZONE = "TIMESTAMP(6) WITH TIME ZONE";

  private static final Map<String, OnEachProduct> TYPES =
      Map.ofEntries(
          Map.entry(
              "boolean", new OnEachProduct("BOOLEAN", "BOOLEAN", "BOOLEAN", "BIT", "BOOLEAN")),
          // SQL Server's TINYINT is unsigned (0 to 255), PostgreSQL has none.
          Map.entry(
              "byte", new OnEachProduct("TINYINT", "TINYINT", "SMALLINT", "SMALLINT", "TINYINT")),
          Map.entry("short", OnEachProduct.same("SMALLINT")),
          Map.entry("int", new OnEachProduct("INT", "INT", "INTEGER", "INT", "INTEGER")),
          Map.entry("long", OnEachProduct.same("BIGINT")),
          // MySQL and MariaDB send FLOAT columns as text of 6 significant digits.
          Map.entry("float", new OnEachProduct("DOUBLE", "DOUBLE", "REAL", "REAL", "REAL")),
          Map.entry(
              "double",
              new OnEachProduct(
                  "DOUBLE", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "DOUBLE PRECISION")),
          Map.entry(
              "BigDecimal",
              new OnEachProduct(
                  "DECIMAL(38,12)",
                  "DECIMAL(38,12)",
                  "NUMERIC(38,12)",
                  "DECIMAL(38,12)",
                  "NUMERIC(38,12)")),
          Map.entry(
              "String",
              new OnEachProduct(
                  "VARCHAR(200)", "VARCHAR(200)", "VARCHAR(200)", "NVARCHAR(200)", "VARCHAR(200)")),
          Map.entry(
              "large String",
              new OnEachProduct("LONGTEXT", "LONGTEXT", "TEXT", "NVARCHAR(MAX)", "CLOB")),
          Map.entry(
              "byte[]",
              new OnEachProduct(
                  "VARBINARY(200)", "VARBINARY(200)", "BYTEA", "VARBINARY(200)", "VARBINARY(200)")),
          Map.entry(
              "large byte[]",
              new OnEachProduct("LONGBLOB", "LONGBLOB", "BYTEA", "VARBINARY(MAX)", "BLOB")),
          Map.entry(
              "byte[] cursor",
              new OnEachProduct("BINARY(8)", "BINARY(8)", "BYTEA", "BINARY(8)", "BINARY(8)")),
          Map.entry("rowversion", new OnEachProduct(null, null, null, "ROWVERSION", null)),
          Map.entry("LocalDate", OnEachProduct.same("DATE")),
          Map.entry("LocalTime", OnEachProduct.same("TIME(6)")),
          Map.entry(
              "LocalDateTime",
              new OnEachProduct(
                  "DATETIME(6)", "DATETIME(6)", "TIMESTAMP(6)", "DATETIME2(6)", "TIMESTAMP(6)")),
          // MySQL and MariaDB have no type that keeps an instant past 2038: DATETIME, in UTC.
          Map.entry(
              "OffsetDateTime",
              new OnEachProduct(
                  "DATETIME(6)",
                  "DATETIME(6)",
                  TIMESTAMP_WITH_ZONE,
                  "DATETIMEOFFSET(6)",
                  TIMESTAMP_WITH_ZONE)),
          Map.entry(
              "Instant",
              new OnEachProduct(
                  "DATETIME(6)",
                  "DATETIME(6)",
                  TIMESTAMP_WITH_ZONE,
                  "DATETIMEOFFSET(6)",
                  TIMESTAMP_WITH_ZONE)),
          // MariaDB has a UUID type from 10.7; MySQL keeps the text.
          Map.entry(
              "UUID", new OnEachProduct("UUID", "CHAR(36)", "UUID", "UNIQUEIDENTIFIER", "UUID")),
          Map.entry(
              "enum",
              new OnEachProduct(
                  "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "NVARCHAR(20)", "VARCHAR(20)")));

  private ColumnTypes() {}

  /** The column type of {@code javaType} on {@code product}. */
  static String of(String javaType, TestServer.Product product) {
    OnEachProduct types = TYPES.get(javaType);
    String type = types == null ? null : types.on(product);
    if (type == null) {
      throw new IllegalArgumentException("no column type for " + javaType + " on " + product);
    }
    return type;
  }

  /** Options of a new table: MySQL and MariaDB store every character of UTF-8 only in utf8mb4. */
  static String tableOptions(TestServer.Product product) {
    return product == TestServer.Product.MARIADB || product == TestServer.Product.MYSQL
        ? " DEFAULT CHARSET=utf8mb4"
        : "";
  }
}
