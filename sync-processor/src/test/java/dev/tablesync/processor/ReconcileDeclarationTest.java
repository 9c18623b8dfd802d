package dev.tablesync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tablesync.processor.DeclarationChecksTest.HEADER;
import static dev.tablesync.processor.TestCompiler.assertOnlyError;
import static dev.tablesync.processor.TestCompiler.compile;
import static dev.tablesync.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import dev.tablesync.processor.check.Message;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a record declares for reconciliation: gone rows, the soft-delete column, guard, schedule. */
class ReconcileDeclarationTest {

  @Test
  void markWithoutAColumn() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  goneRows = GoneRowPolicy.MARK_FLAG,
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "goneRows = ", Message.SOFT_DELETE_COLUMN_NEEDED, "MARK_FLAG", "Item");
  }

  @Test
  void columnWithoutAMark() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  goneRows = GoneRowPolicy.DELETE,
                  softDeleteColumn = "deleted_at",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "softDeleteColumn = ",
        Message.SOFT_DELETE_COLUMN_UNUSED,
        "deleted_at",
        "Item",
        "DELETE");
  }

  @Test
  void columnThatIsNotAName() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  goneRows = GoneRowPolicy.MARK_TIME,
                  softDeleteColumn = "deleted at",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "softDeleteColumn = ",
        Message.INVALID_SOFT_DELETE_COLUMN,
        "deleted at",
        "Item");
  }

  @Test
  void columnThatAComponentMaps() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  goneRows = GoneRowPolicy.MARK_FLAG,
                  softDeleteColumn = "ACTIVE",
                  query = "SELECT id, active, changed_at FROM item")
              public record Item(
                  @SyncKey long id, boolean active, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "softDeleteColumn = ",
        Message.SOFT_DELETE_COLUMN_MAPPED,
        "ACTIVE",
        "Item",
        "active");
  }

  @Test
  void guardAboveOne() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  deleteGuard = 1.5,
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item", code, "deleteGuard = ", Message.DELETE_GUARD_OUT_OF_RANGE, 1.5, "Item");
  }

  @Test
  void reconcileIntervalAndCron() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  reconcileInterval = "1h",
                  reconcileCron = "0 0 3 * * ?",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "reconcileCron = ",
        Message.SCHEDULED_TWICE,
        "Item",
        "reconcileInterval",
        "1h",
        "reconcileCron",
        "0 0 3 * * ?");
  }

  @Test
  void columnNotInTheTargetSchema() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "marked_item",
                  targetSchema = "db/marked.sql",
                  goneRows = GoneRowPolicy.MARK_TIME,
                  softDeleteColumn = "gone_on",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "softDeleteColumn = ",
        Message.SOFT_DELETE_COLUMN_NOT_FOUND,
        "gone_on",
        "Item",
        "marked_item",
        "did you mean 'gone_at'? ",
        "id, changed_at, is_gone, gone_at");
  }

  @Test
  void timeMarkOnABooleanColumn() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "marked_item",
                  targetSchema = "db/marked.sql",
                  goneRows = GoneRowPolicy.MARK_TIME,
                  softDeleteColumn = "is_gone",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "softDeleteColumn = ",
        Message.SOFT_DELETE_COLUMN_TYPE,
        "is_gone",
        "Item",
        "boolean NOT NULL",
        "marked_item",
        "MARK_TIME",
        "a TIMESTAMP or DATETIME column that can be NULL");
  }

  @Test
  void flagMarkOnATimeColumn() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "marked_item",
                  targetSchema = "db/marked.sql",
                  goneRows = GoneRowPolicy.MARK_FLAG,
                  softDeleteColumn = "gone_at",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    assertOnlyError(
        "Item",
        code,
        "softDeleteColumn = ",
        Message.SOFT_DELETE_COLUMN_TYPE,
        "gone_at",
        "Item",
        "timestamp",
        "marked_item",
        "MARK_FLAG",
        "a BOOLEAN column");
  }

  @Test
  void declarationReachesTheSpec() throws IOException {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "marked_item",
                  targetSchema = "db/marked.sql",
                  goneRows = GoneRowPolicy.MARK_TIME,
                  softDeleteColumn = "gone_at",
                  deleteGuard = 0.25,
                  reconcileCron = "0 0 3 * * ?",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    Compilation compilation = compile(source("Item", code));
    assertThat(compilation).succeededWithoutWarnings();
    String generated =
        compilation.generatedSourceFile("test.ItemSync").orElseThrow().getCharContent(true)
            .toString();
    assertThat(generated).contains(".goneRows(GoneRowPolicy.MARK_TIME)");
    assertThat(generated).contains(".softDeleteColumn(\"gone_at\")");
    assertThat(generated).contains(".deleteGuard(0.25)");
    assertThat(generated).contains(".reconcileCron(\"0 0 3 * * ?\")");
    assertThat(generated).doesNotContain(".reconcileInterval(");
  }
}
