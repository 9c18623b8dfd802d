package dev.tablesync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tablesync.processor.DeclarationChecksTest.HEADER;
import static dev.tablesync.processor.TestCompiler.PROJECT_DIR;
import static dev.tablesync.processor.TestCompiler.assertOnlyError;
import static dev.tablesync.processor.TestCompiler.assertWarning;
import static dev.tablesync.processor.TestCompiler.compileStrictly;
import static dev.tablesync.processor.TestCompiler.source;

import dev.tablesync.processor.check.Message;
import org.junit.jupiter.api.Test;

/** The record against the target schema's DDL, and the schemas themselves. */
class SchemaChecksTest {

  @Test
  void schemaThatDoesNotExist() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  targetSchema = "db/missing.sql",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "targetSchema = ",
        Message.SCHEMA_NOT_FOUND,
        "targetSchema",
        "db/missing.sql",
        "Item",
        PROJECT_DIR.resolve("db/missing.sql"));
  }

  @Test
  void migrationThatDoesNotParse() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  targetSchema = "db/broken",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "targetSchema = ",
        Message.SCHEMA_UNREADABLE,
        "targetSchema",
        "db/broken",
        "Item",
        "V2__add_name.sql does not parse: Identifier expected at line 2, column 32: ALTER TABLE"
            + " item ADD COLUMN name VARCHAR(100),[*], ADD COLUMN price DECIMAL(10, 2);");
  }

  @Test
  void migrationsWithOneVersion() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  sourceSchema = "db/same_version",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "sourceSchema = ",
        Message.SCHEMA_UNREADABLE,
        "sourceSchema",
        "db/same_version",
        "Item",
        "V1__create_item.sql and V1__create_other.sql have the same version");
  }

  @Test
  void folderWithoutMigrations() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  targetSchema = "db/no_migrations",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "targetSchema = ",
        Message.SCHEMA_UNREADABLE,
        "targetSchema",
        "db/no_migrations",
        "Item",
        "the folder holds no migrations named like V1__create_tables.sql");
  }

  @Test
  void statementsThatCannotBeApplied() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  targetSchema = "db/conflicting.sql",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "targetSchema = ",
        Message.SCHEMA_UNREADABLE,
        "targetSchema",
        "db/conflicting.sql",
        "Item",
        "its statements cannot be applied in order: Table already exists: item. Query: create"
            + " table item ( id bigint not null, primary key (id) )");
  }

  @Test
  void targetTableNotInTheSchema() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetSchema = "db/checks.sql",
                  targetTable = "items",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "targetTable = ",
        Message.TARGET_TABLE_NOT_FOUND,
        "items",
        "Item",
        "did you mean 'item'? ",
        "item, stock_level, price_list, audited_item, all_types, archive.item");
  }

  @Test
  void targetColumnNotInTheTable() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", targetSchema = "db/checks.sql",
                  query = "SELECT id, nmae, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  String nmae,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "String nmae",
        Message.TARGET_COLUMN_NOT_FOUND,
        "nmae",
        "nmae",
        "item",
        "did you mean 'name'? ",
        "id, name, price, stock, changed_at");
  }

  @Test
  void keyThatIsNotUnique() {
    String code =
        HEADER
            + """
@SyncTable(name = "stock", targetTable = "stock_level", targetSchema = "db/checks.sql",
    query = "SELECT warehouse, sku, updated_at FROM stock")
public record Stock(
    @SyncKey String warehouse,
    int sku,
    @SyncCursor LocalDateTime updatedAt) {}
""";
    assertOnlyError(
        "Stock",
        code,
        "@SyncKey String warehouse",
        Message.KEY_NOT_UNIQUE,
        "warehouse",
        "Stock",
        "stock_level",
        "warehouse",
        "PRIMARY KEY (id), UNIQUE (warehouse, sku)");
  }

  @Test
  void keysOfAUniqueConstraintAndOfAUniqueIndex() {
    String stock =
        HEADER
            + """
@SyncTable(name = "stock", targetTable = "stock_level", targetSchema = "db/checks.sql",
    query = "SELECT warehouse, sku, qty, updated_at FROM stock")
public record Stock(
    @SyncKey String warehouse,
    @SyncKey int sku,
    Integer qty,
    @SyncCursor LocalDateTime updatedAt) {}
""";
    String price =
        HEADER
            + """
@SyncTable(name = "price", targetTable = "price_list", targetSchema = "db/checks.sql",
    query = "SELECT sku, price, changed_at FROM price")
public record Price(
    @SyncKey String sku,
    BigDecimal price,
    @SyncCursor LocalDateTime changedAt) {}
""";
    assertThat(compileStrictly(source("Stock", stock), source("Price", price)))
        .succeededWithoutWarnings();
  }

  @Test
  void notNullColumnsNoComponentMaps() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetSchema = "db/checks.sql",
                  targetTable = "audited_item",
                  query = "SELECT id, name, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  String name,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "targetTable = ",
        Message.NOT_NULL_COLUMN_UNMAPPED,
        "audited_item",
        "Item",
        "created_by, approved_by");
  }

  @Test
  void primitiveForNullableTargetColumn() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", targetSchema = "db/checks.sql",
                  query = "SELECT id, stock, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  int stock,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "int stock",
        Message.PRIMITIVE_FOR_NULLABLE_COLUMN,
        "stock",
        "int",
        "target column item.stock",
        "Integer");
  }

  @Test
  void componentOfAnotherType() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", targetSchema = "db/checks.sql",
                  query = "SELECT id, name, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  Integer name,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "Integer name",
        Message.TYPE_MISMATCH,
        "name",
        "java.lang.Integer",
        "target column item.name",
        "varchar(100)",
        "String");
  }

  @Test
  void doubleIntoDecimal() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", targetSchema = "db/checks.sql",
                  query = "SELECT id, price, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  Double price,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertWarning(
        "Item",
        code,
        "Double price",
        Message.TYPE_LOSSY,
        "price",
        "java.lang.Double",
        "target column item.price",
        "decimal(10, 2)",
        "fractions and large values (floating point is not exact)",
        "BigDecimal");
  }

  @Test
  void tableOfANamedSchema() {
    String code =
        HEADER
            + """
@SyncTable(name = "item", targetTable = "archive.item", targetSchema = "db/checks.sql",
    query = "SELECT id, name, changed_at FROM item")
public record Item(
    @SyncKey long id,
    String name,
    @SyncCursor LocalDateTime changedAt) {}
""";
    assertThat(compileStrictly(source("Item", code))).succeededWithoutWarnings();
  }
}
