package dev.tablesync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tablesync.processor.DeclarationChecksTest.HEADER;
import static dev.tablesync.processor.TestCompiler.compile;
import static dev.tablesync.processor.TestCompiler.lineOf;
import static dev.tablesync.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import dev.tablesync.processor.check.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** An exception inside the processor is one compile error on the record, never a crash. */
class InternalErrorTest {

  @Test
  void exceptionBecomesAnErrorOnTheRecord() {
    String code =
        HEADER
            + """
              @SyncTable(name = "item", targetTable = "item",
                  query = "SELECT id, changed_at FROM item")
              public record Item(@SyncKey long id, @SyncCursor LocalDateTime changedAt) {}
              """;
    JavaFileObject source = source("Item", code);
    IllegalStateException bug = new IllegalStateException("simulated bug");
    Compilation compilation =
        compile(
            new InterceptedFilerProcessor(
                (method, arguments) -> {
                  if (method.getName().equals("createSourceFile")) {
                    throw bug;
                  }
                }),
            source);
    assertThat(compilation).hadErrorCount(1);
    // The message ends with the stack trace, which is not worth pinning down.
    assertThat(compilation)
        .hadErrorContaining(Message.INTERNAL_ERROR.format("test.Item", bug, ""))
        .inFile(source)
        .onLine(lineOf(code, "public record Item"));
  }
}
