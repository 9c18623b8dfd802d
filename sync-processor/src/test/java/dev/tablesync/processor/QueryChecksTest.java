package dev.tablesync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tablesync.processor.DeclarationChecksTest.HEADER;
import static dev.tablesync.processor.TestCompiler.assertOnlyError;
import static dev.tablesync.processor.TestCompiler.assertWarning;
import static dev.tablesync.processor.TestCompiler.compileStrictly;
import static dev.tablesync.processor.TestCompiler.source;

import dev.tablesync.processor.check.Message;
import org.junit.jupiter.api.Test;

/** The source query, read by jOOQ's parser, against the record and the optional source schema. */
class QueryChecksTest {

  @Test
  void queryThatDoesNotParse() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item WHERE")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "query = ",
        Message.QUERY_SYNTAX,
        "Item",
        "Identifier expected",
        "line 1, column 38: SELECT id, changed_at FROM item WHERE[*]");
  }

  @Test
  void tSqlOnlyJooqsCommercialEditionsRead() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item WITH (NOLOCK)")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertWarning(
        "Item",
        code,
        "query = ",
        Message.QUERY_NOT_CHECKED,
        "Item",
        "jOOQ's open-source parser cannot read the SQL at line 1, column 39: SELECT id,"
            + " changed_at FROM item WITH ([*]NOLOCK) (only its commercial editions can)");
  }

  @Test
  void checkQueryFalseSkipsTheCheckAndItsWarning() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", checkQuery = false,
                  query = "SELECT id, changed_at FROM item WITH (NOLOCK)")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertThat(compileStrictly(source("Item", code))).succeededWithoutWarnings();
  }

  @Test
  void selectStar() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT i.* FROM item i")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertWarning(
        "Item",
        code,
        "query = ",
        Message.QUERY_NOT_CHECKED,
        "Item",
        "its select list has i.*, whose columns are only known when it runs; list the columns,"
            + " or give a sourceSchema");
  }

  @Test
  void notASelect() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "UPDATE item SET name = 'x'")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "query = ", Message.QUERY_NOT_A_SELECT, "Item", "is an UPDATE statement");
  }

  @Test
  void twoStatements() {
    String code =
        HEADER
            + """
@SyncTable(name = "item", targetTable = "item",
    query = "SELECT id, changed_at FROM item; SELECT id, changed_at FROM item_archive")
public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
""";
    assertOnlyError(
        "Item", code, "query = ", Message.QUERY_NOT_A_SELECT, "Item", "holds 2 statements");
  }

  @Test
  void orderBy() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = \"""
                  SELECT id, changed_at
                  FROM item
                  ORDER BY changed_at
                  \""")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "query = ", Message.QUERY_HAS_ORDER_BY, "Item");
  }

  @Test
  void orderByOfAUnion() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = \"""
                  SELECT id, changed_at FROM item
                  UNION ALL
                  SELECT id, changed_at FROM item_archive
                  ORDER BY changed_at
                  \""")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "query = ", Message.QUERY_HAS_ORDER_BY, "Item");
  }

  @Test
  void orderWithinWindowsAndSubqueriesAndATrailingSemicolonAreFine() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = \"""
                  SELECT i.id, i.changed_at,
                         ROW_NUMBER() OVER (PARTITION BY i.kind ORDER BY i.id) AS row_in_kind,
                         (SELECT TOP 1 p.price FROM price p WHERE p.item_id = i.id
                          ORDER BY p.valid_from DESC) AS price
                  FROM item i
                  WHERE i.note <> 'order by';
                  \""")
              public record Item(
                  @SyncKey long id,
                  @SyncCursor LocalDateTime changedAt,
                  long rowInKind,
                  BigDecimal price) {}
              """;
    assertThat(compileStrictly(source("Item", code))).succeededWithoutWarnings();
  }

  @Test
  void top() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT TOP 100 id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "query = ", Message.QUERY_HAS_ROW_LIMIT, "Item");
  }

  @Test
  void limitAndOffset() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item LIMIT 100 OFFSET 200")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "query = ", Message.QUERY_HAS_ROW_LIMIT, "Item");
  }

  @Test
  void expressionWithoutAlias() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, price * 2, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "query = ", Message.QUERY_COLUMN_WITHOUT_NAME, "Item", "(price * 2)");
  }

  @Test
  void twoColumnsWithOneName() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = \"""
                  SELECT i.id, i.changed_at, s.id
                  FROM item i JOIN stock s ON s.item_id = i.id
                  \""")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "query = ", Message.QUERY_DUPLICATE_COLUMN, "Item", "id");
  }

  @Test
  void componentWithoutColumnSuggestsTheNearestOne() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, item_nmae, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  String itemName,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "String itemName",
        Message.COLUMN_NOT_IN_QUERY,
        "itemName",
        "item_name",
        "did you mean 'item_nmae'? ",
        "item_name",
        "id, item_nmae, changed_at");
  }

  @Test
  void renamedComponentWithoutColumn() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  @SyncColumn("qty") int quantity,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "@SyncColumn(\"qty\")",
        Message.COLUMN_NOT_IN_QUERY,
        "quantity",
        "qty",
        "",
        "qty",
        "id, changed_at");
  }

  @Test
  void columnNoComponentMaps() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, name, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertWarning("Item", code, "query = ", Message.QUERY_COLUMN_UNUSED, "Item", "name");
  }

  @Test
  void aliasesMatchIgnoringCaseAndTSqlAliasesCount() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = \"""
                  SELECT [i].[FID] AS ID, item_name = i.FNAME, i.FMODIFYDATE AS Changed_At
                  FROM dbo.T_ITEM i
                  \""")
              public record Item(
                  @SyncKey long id,
                  String itemName,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertThat(compileStrictly(source("Item", code))).succeededWithoutWarnings();
  }

  @Test
  void unknownSourceColumn() {
    String code =
        HEADER
            + """
@SyncTable(name = "item", targetTable = "item", sourceSchema = "db/source.sql",
    query = "SELECT i.FID AS id, i.FNAM AS name, i.FMODIFYDATE AS changed_at FROM dbo.T_ITEM i")
public record Item(@SyncKey long id, String name, @SyncCursor LocalDateTime changedAt) {}
""";
    assertOnlyError(
        "Item",
        code,
        "query = ",
        Message.SOURCE_NAME_UNKNOWN,
        "Item",
        "column",
        "line 1, column 21: SELECT i.FID AS id, [*]i.FNAM AS name, i.FMODIFYDATE AS changed_at"
            + " FROM dbo.T_ITEM i",
        "source.sql");
  }

  @Test
  void unknownSourceTable() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", sourceSchema = "db/source.sql",
                  query = "SELECT i.FID AS id, i.FMODIFYDATE AS changed_at FROM T_ITEMS i")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "query = ",
        Message.SOURCE_NAME_UNKNOWN,
        "Item",
        "table",
        "line 1, column 54: ...ECT i.FID AS id, i.FMODIFYDATE AS changed_at FROM [*]T_ITEMS i",
        "source.sql");
  }

  @Test
  void sourceColumnOfAnotherType() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", sourceSchema = "db/source.sql",
                  query = "SELECT FID AS id, FNAME AS name, FMODIFYDATE AS changed_at FROM T_ITEM")
              public record Item(
                  @SyncKey long id,
                  LocalDate name,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "LocalDate name",
        Message.TYPE_MISMATCH,
        "name",
        "java.time.LocalDate",
        "source column name",
        "nvarchar(100)",
        "String");
  }

  @Test
  void sourceColumnWiderThanItsComponent() {
    String code =
        HEADER
            + """
@SyncTable(name = "item", targetTable = "item", sourceSchema = "db/source.sql",
    query = "SELECT FID AS id, FSTOCK AS stock, FMODIFYDATE AS changed_at FROM T_ITEM")
public record Item(
    @SyncKey long id,
    Integer stock,
    @SyncCursor LocalDateTime changedAt) {}
""";
    assertWarning(
        "Item",
        code,
        "Integer stock",
        Message.TYPE_LOSSY,
        "stock",
        "java.lang.Integer",
        "source column stock",
        "bigint",
        "numbers too large for the other type",
        "long/Long");
  }

  @Test
  void primitiveForNullableSourceColumn() {
    String code =
        HEADER
            + """
@SyncTable(name = "item", targetTable = "item", sourceSchema = "db/source.sql",
    query = "SELECT FID AS id, FSTOCK AS stock, FMODIFYDATE AS changed_at FROM T_ITEM")
public record Item(
    @SyncKey long id,
    long stock,
    @SyncCursor LocalDateTime changedAt) {}
""";
    assertOnlyError(
        "Item",
        code,
        "long stock",
        Message.PRIMITIVE_FOR_NULLABLE_COLUMN,
        "stock",
        "long",
        "source column stock",
        "Long");
  }

  @Test
  void withClauseIsNotLookedUpInTheSourceSchema() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", sourceSchema = "db/source.sql",
                  query = \"""
                  WITH current_items AS (SELECT FID, FMODIFYDATE FROM T_ITEM)
                  SELECT FID AS id, FMODIFYDATE AS changed_at FROM current_items
                  \""")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertWarning(
        "Item",
        code,
        "query = ",
        Message.QUERY_NOT_CHECKED,
        "Item",
        "it has a WITH clause, which jOOQ cannot look up in sourceSchema, so the source's names"
            + " and types were not checked");
  }
}
