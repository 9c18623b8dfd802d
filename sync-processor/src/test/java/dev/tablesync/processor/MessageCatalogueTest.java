package dev.tablesync.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tablesync.processor.check.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the promise that every message in the catalogue has a test that compiles into it. */
class MessageCatalogueTest {

  @Test
  void everyMessageHasATest() throws IOException {
    String tests = testSources();
    List<Message> untested =
        Arrays.stream(Message.values())
            .filter(
                m ->
                    !tests.contains("Message." + m.name() + ",")
                        && !tests.contains("Message." + m.name() + ".format("))
            .toList();
    assertWithMessage("messages no test passes to assertOnlyError, assertWarning or format")
        .that(untested)
        .isEmpty();
  }

  /** This package's test sources, read from the module directory Maven runs the tests in. */
  private static String testSources() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/tablesync/processor"))) {
      return files
          .filter(f -> f.toString().endsWith("Test.java"))
          .map(MessageCatalogueTest::read)
          .reduce("", String::concat);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
