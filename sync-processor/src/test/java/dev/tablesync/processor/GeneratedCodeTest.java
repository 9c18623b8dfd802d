package dev.tablesync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tablesync.processor.DeclarationChecksTest.HEADER;
import static dev.tablesync.processor.TestCompiler.compile;
import static dev.tablesync.processor.TestCompiler.compileStrictly;
import static dev.tablesync.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The syncers the processor writes: for every supported component type they compile under {@code
 * -Xlint:all -Werror}, the seed's supplier gives exactly the golden file, and the same input always
 * gives the same bytes.
 */
class GeneratedCodeTest {

  /** The seed's supplier table: its SQL Server query without TOP, the time filter and ORDER BY. */
  static final JavaFileObject SEED_SUPPLIER = JavaFileObjects.forResource("golden/Supplier.java");

  @ParameterizedTest(name = "{0} into {1}")
  @CsvSource({
    "boolean, v_boolean",
    "Boolean, v_boolean",
    "byte, v_byte",
    "Byte, v_byte",
    "short, v_short",
    "Short, v_short",
    "int, v_int",
    "Integer, v_int",
    "long, v_long",
    "Long, v_long",
    "float, v_float",
    "Float, v_float",
    "double, v_double",
    "Double, v_double",
    "BigDecimal, v_big_decimal",
    "String, v_string",
    "byte[], v_bytes",
    "LocalDate, v_local_date",
    "LocalTime, v_local_time",
    "LocalDateTime, v_local_date_time",
    "OffsetDateTime, v_offset_date_time",
    "Instant, v_instant",
    "UUID, v_uuid",
    "Color, v_enum"
  })
  void everySupportedTypeCompilesCleanlyAndFitsItsColumns(String type, String column) {
    String code =
        HEADER
            + """
              @SyncTable(name = "all_types", targetTable = "all_types",
                  targetSchema = "db/checks.sql", sourceSchema = "db/checks.sql",
                  query = "SELECT id, %s, changed_at FROM all_types")
              public record AllTypes(
                  @SyncKey long id,
                  @SyncColumn("%s") %s value,
                  @SyncCursor LocalDateTime changedAt) {

                public enum Color { RED, GREEN }
              }
              """
                .formatted(column, column, type);
    Compilation compilation = compileStrictly(source("AllTypes", code));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.AllTypesSync");
  }

  @ParameterizedTest(name = "cursor {0}")
  @CsvSource({
    "int",
    "Integer",
    "long",
    "Long",
    "BigDecimal",
    "byte[]",
    "LocalDate",
    "LocalDateTime",
    "OffsetDateTime",
    "Instant"
  })
  void everyCursorTypeCompilesCleanly(String type) {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, version FROM item")
              public record Item(@SyncKey String id, @SyncCursor %s version) {}
              """
                .formatted(type);
    assertThat(compileStrictly(source("Item", code))).succeededWithoutWarnings();
  }

  /**
   * The types whose JDBC calls differ by database are read and bound through the dialect's
   * ColumnValues, NULL included; every other type with typed JDBC calls of its own.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LocalDateTime | LocalDateTime value = columnValues.getLocalDateTime(rs, 2);"
            + " | columnValues.setLocalDateTime(statement, first + 1, row.value());",
        "OffsetDateTime | OffsetDateTime value = columnValues.getOffsetDateTime(rs, 2);"
            + " | columnValues.setOffsetDateTime(statement, first + 1, row.value());",
        "Instant | OffsetDateTime valueValue = columnValues.getOffsetDateTime(rs, 2);"
            + " | columnValues.setOffsetDateTime(statement, first + 1,"
            + " value == null ? null : value.atOffset(ZoneOffset.UTC));",
        "LocalTime | LocalTime value = rs.getObject(2, LocalTime.class);"
            + " | columnValues.setLocalTime(statement, first + 1, row.value());",
        "UUID | String valueText = rs.getString(2);"
            + " | columnValues.setUuid(statement, first + 1, row.value());",
        "LocalDate | LocalDate value = rs.getObject(2, LocalDate.class);"
            + " | statement.setObject(first + 1, value);",
        "Long | Long value = rs.getLong(2); | statement.setLong(first + 1, value);",
        "byte[] | byte[] value = rs.getBytes(2); | statement.setBytes(first + 1, value);",
        "float | float value = rs.getFloat(2); | statement.setDouble(first + 1, row.value());"
      })
  void eachTypeIsReadAndBoundWithItsOwnCalls(String type, String read, String bind) {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, value, version FROM item")
              public record Item(@SyncKey long id, %s value, @SyncCursor long version) {}
              """
                .formatted(type);
    Compilation compilation = compileStrictly(source("Item", code));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedSourceFile("test.ItemSync").orElseThrow());
    assertThat(generated).contains(read);
    assertThat(generated).contains(bind);
  }

  @Test
  void seedSupplierGivesTheGoldenSyncer() {
    Compilation compilation = compileStrictly(SEED_SUPPLIER);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation))
        .isEqualTo(content(JavaFileObjects.forResource("golden/SupplierSync.java")));
  }

  @Test
  void sameRecordGivesTheSameBytes() {
    assertThat(generatedSource(compile(SEED_SUPPLIER)))
        .isEqualTo(generatedSource(compile(SEED_SUPPLIER)));
  }

  @Test
  void serviceFileListsEverySyncerSorted() {
    String item =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    Compilation compilation = compileStrictly(source("Item", item), SEED_SUPPLIER);
    assertThat(compilation)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.tablesync.runtime.spi.TableSync")
        .contentsAsUtf8String()
        .isEqualTo("example.erp.SupplierSync\ntest.ItemSync\n");
  }

  @Test
  void generatedFilesNameTheRecordsTheyCameFrom() {
    List<String> written = new ArrayList<>();
    Compilation compilation =
        compile(
            new InterceptedFilerProcessor(
                (method, arguments) -> {
                  if (method.getName().startsWith("create")) {
                    written.add(arguments[arguments.length - 2] + " from " + origins(arguments));
                  }
                }),
            SEED_SUPPLIER);
    assertThat(compilation).succeeded();
    assertThat(written)
        .containsExactly(
            "example.erp.SupplierSync from [example.erp.Supplier]",
            "META-INF/services/dev.tablesync.runtime.spi.TableSync from [example.erp.Supplier]");
  }

  /** The originating elements of a {@code Filer.create...} call: its last argument. */
  private static List<String> origins(Object[] arguments) {
    List<String> names = new ArrayList<>();
    for (Element element : (Element[]) arguments[arguments.length - 1]) {
      names.add(((TypeElement) element).getQualifiedName().toString());
    }
    return names;
  }

  private static String generatedSource(Compilation compilation) {
    return content(compilation.generatedSourceFile("example.erp.SupplierSync").orElseThrow());
  }

  private static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
