package dev.tablesync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tablesync.processor.TestCompiler.assertOnlyError;
import static dev.tablesync.processor.TestCompiler.compile;
import static dev.tablesync.processor.TestCompiler.lineOf;
import static dev.tablesync.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import dev.tablesync.processor.check.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What a {@code @SyncTable} record says about itself: its kind, names, sizes, key and cursor. */
class DeclarationChecksTest {

  static final String HEADER =
      """
      package test;

      import dev.tablesync.annotations.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.*;

      """;

  @Test
  void syncTableOnAClass() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = "SELECT id FROM item")
              public class Item {}
              """;
    assertOnlyError(
        "Item", code, "public class Item", Message.NOT_A_RECORD, "Item", "a class", "Item");
  }

  @Test
  void privateNestedRecord() {
    String code =
        HEADER
            + """
              public class Tables {
                @SyncTable(name = "item", targetTable = "item",
                    query = "SELECT id, changed_at FROM item")
                private record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              }
              """;
    assertOnlyError(
        "Tables",
        code,
        "private record Item",
        Message.RECORD_NOT_ACCESSIBLE,
        "Item",
        "Tables_ItemSync");
  }

  @Test
  void noKey() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "@SyncTable", Message.NO_KEY, "Item");
  }

  @Test
  void noCursor() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "@SyncTable", Message.NO_CURSOR, "Item");
  }

  @Test
  void secondCursor() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at, version FROM item")
              public record Item(
                  @SyncKey long id,
                  @SyncCursor LocalDateTime changedAt,
                  @SyncCursor long version) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "@SyncCursor long version",
        Message.SECOND_CURSOR,
        "version",
        "Item",
        "changedAt");
  }

  @Test
  void cursorThatIsAlsoTheKey() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", query = "SELECT id FROM item")
              public record Item(@SyncKey @SyncCursor long id) {}
              """;
    assertOnlyError("Item", code, "@SyncKey @SyncCursor", Message.CURSOR_AND_KEY, "id");
  }

  @Test
  void unsupportedComponentType() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, tags, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  List<String> tags,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "List<String> tags",
        Message.UNSUPPORTED_TYPE,
        "tags",
        "java.util.List<java.lang.String>",
        "boolean/Boolean, byte/Byte, short/Short, int/Integer, long/Long, float/Float,"
            + " double/Double, BigDecimal, String, byte[], LocalDate, LocalTime, LocalDateTime,"
            + " OffsetDateTime, Instant, UUID, any enum");
  }

  @Test
  void cursorThatCannotBeOrdered() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, name FROM item")
              public record Item(@SyncKey long id, @SyncCursor String name) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "@SyncCursor String name",
        Message.UNSUPPORTED_CURSOR_TYPE,
        "name",
        "java.lang.String",
        "int/Integer, long/Long, BigDecimal, byte[], LocalDate, LocalDateTime, OffsetDateTime,"
            + " Instant");
  }

  @Test
  void floatingPointKey() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT weight, changed_at FROM item")
              public record Item(@SyncKey double weight, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "@SyncKey double",
        Message.UNSUPPORTED_KEY_TYPE,
        "weight",
        "double",
        "any supported type but float and double");
  }

  @Test
  void twoComponentsOnOneColumn() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, name, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  String name,
                  @SyncColumn("NAME") String label,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "String label", Message.DUPLICATE_COLUMN, "label", "NAME", "name");
  }

  @Test
  void emptySyncName() {
    String code =
        HEADER
            + """
              @SyncTable(name = "", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "name = \"\"", Message.EMPTY_NAME, "Item");
  }

  @Test
  void invalidSyncName() {
    String code =
        HEADER
            + """
              @SyncTable(targetTable = "item",
                  name = "my items",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "name = \"my items\"", Message.INVALID_NAME, "my items", "Item");
  }

  @Test
  void invalidTargetTable() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item",
                  targetTable = "wms.item.copy",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "targetTable = ", Message.INVALID_TABLE_NAME, "wms.item.copy", "Item");
  }

  @Test
  void emptyTargetTable() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item",
                  targetTable = "",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "targetTable = ", Message.INVALID_TABLE_NAME, "", "Item");
  }

  @Test
  void invalidColumnName() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  @SyncColumn("unit price") BigDecimal price,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "@SyncColumn", Message.INVALID_COLUMN_NAME, "unit price", "price");
  }

  @Test
  void emptyColumnName() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(
                  @SyncKey long id,
                  @SyncColumn("") BigDecimal price,
                  @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "@SyncColumn", Message.INVALID_COLUMN_NAME, "", "price");
  }

  @Test
  void invalidDataSourceName() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  source = "erp db",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "source = ", Message.INVALID_DATA_SOURCE_NAME, "source", "erp db", "Item");
  }

  @Test
  void emptyQuery() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "  ")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "query = ", Message.EMPTY_QUERY, "Item");
  }

  @Test
  void batchSizeTooSmall() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  batchSize = 0,
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "batchSize = 0", Message.BATCH_SIZE_OUT_OF_RANGE, 0, "Item", 100_000);
  }

  @Test
  void batchSizeTooLarge() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  batchSize = 100_001,
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "batchSize = ", Message.BATCH_SIZE_OUT_OF_RANGE, 100_001, "Item", 100_000);
  }

  @Test
  void negativeLag() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  lagSeconds = -5,
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError("Item", code, "lagSeconds = ", Message.NEGATIVE_LAG, -5, "Item");
  }

  @Test
  void lagWithANumberCursor() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  lagSeconds = 30,
                  query = "SELECT id, version FROM item")
              public record Item(@SyncKey long id, @SyncCursor long version) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "lagSeconds = ",
        Message.LAG_NEEDS_TIME_CURSOR,
        30,
        "Item",
        "version",
        "long");
  }

  @Test
  void twoSyncsWithOneName() {
    String first =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    String second =
        HEADER
            + """
              @SyncTable(targetTable = "item_archive",
                  name = "item",
                  query = "SELECT id, changed_at FROM item_archive")
              public record ArchivedItem(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    JavaFileObject secondSource = source("ArchivedItem", second);
    Compilation compilation = compile(source("Item", first), secondSource);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_SYNC_NAME.format("item", "ArchivedItem", "test.Item"))
        .inFile(secondSource)
        .onLine(lineOf(second, "name = \"item\""));
  }
  @Test
  void intervalAndCronTogether() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item", interval = "5m",
                  cron = "0 0/5 * * * ?",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "cron = ",
        Message.SCHEDULED_TWICE,
        "Item",
        "interval",
        "5m",
        "cron",
        "0 0/5 * * * ?");
  }

  @Test
  void intervalThatCannotBeRead() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  interval = "5 minutes",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "interval = ",
        Message.INVALID_INTERVAL,
        "interval",
        "5 minutes",
        "Item",
        "'5 minutes' is not an interval: write a number with a unit (30s, 5m, 1h) or an ISO-8601"
            + " duration (PT30S)");
  }

  @Test
  void intervalOfZero() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  interval = "0s",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "interval = ",
        Message.INVALID_INTERVAL,
        "interval",
        "0s",
        "Item",
        "'0s' is not a positive interval; a schedule runs at most this often");
  }

  @Test
  void cronThatNotEverySchedulerRuns() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  cron = "0 0 12 ? * 6#3",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "cron = ",
        Message.INVALID_CRON,
        "cron",
        "0 0 12 ? * 6#3",
        "Item",
        "cron '0 0 12 ? * 6#3': day of week '6#3' is not taken (L, W and # run only on Quartz's"
            + " own triggers)");
  }

  @Test
  void cronWithTooFewFields() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  cron = "0 0 12 * *",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "cron = ",
        Message.INVALID_CRON,
        "cron",
        "0 0 12 * *",
        "Item",
        "cron '0 0 12 * *': it has 5 fields; write 6 (seconds minutes hours day-of-month month"
            + " day-of-week) or 7 with a year");
  }

  @Test
  void schedulesAndNamesTheRuntimeTakesCompile() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "wms.item$copy", interval = "PT30S",
                  query = "SELECT id, changed_at, unit$price FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt,
                  @SyncColumn("unit$price") BigDecimal price) {}
              """;
    String cron =
        HEADER
            + """
              @SyncTable(name = "stock", targetTable = "stock", cron = "0 0/5 8-18 ? * MON-FRI",
                  query = "SELECT id, changed_at FROM stock")
              public record Stock(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertThat(compile(source("Item", code), source("Stock", cron))).succeededWithoutWarnings();
  }
}
