package dev.tablesync.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tablesync.processor.check.Message;
import dev.tablesync.processor.read.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with the processor, the way a user's build does: the runtime SPI's sources
 * alongside (generated code implements it), and the schemas under {@code
 * src/test/resources/project} as the project directory.
 */
final class TestCompiler {

  /** The directory that schema paths in test records are relative to. */
  static final Path PROJECT_DIR = resourceDirectory("project");

  private static final List<JavaFileObject> SPI_SOURCES = spiSources();

  private TestCompiler() {}

  /** Compiles {@code sources} with the processor. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(new SyncProcessor(), sources);
  }

  /**
   * Compiles {@code sources} with {@code processor}, which runs the processor one way or another.
   */
  static Compilation compile(Processor processor, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(processor)
        .withOptions("-A" + SchemaLoader.PROJECT_DIR_OPTION + "=" + PROJECT_DIR)
        .compile(withSpi(sources));
  }

  /**
   * Compiles {@code sources} with every lint warning turned into an error, as a strict user build
   * would: generated code must pass that too.
   */
  static Compilation compileStrictly(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new SyncProcessor())
        .withOptions(
            "-A" + SchemaLoader.PROJECT_DIR_OPTION + "=" + PROJECT_DIR, "-Xlint:all", "-Werror")
        .compile(withSpi(sources));
  }

  /** A source file named for its {@code public} type in package {@code test}. */
  static JavaFileObject source(String simpleName, String code) {
    return JavaFileObjects.forSourceString("test." + simpleName, code);
  }

  /** The 1-based line of {@code code} where {@code marker} first appears. */
  static long lineOf(String code, String marker) {
    int at = code.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("no '" + marker + "' in the test source");
    }
    return code.substring(0, at).split("\n", -1).length;
  }

  /**
   * Asserts that compiling {@code code} (the type {@code simpleName}) fails with exactly one error,
   * {@code message} formatted with {@code arguments}, on the line where {@code marker} is.
   */
  static Compilation assertOnlyError(
      String simpleName, String code, String marker, Message message, Object... arguments) {
    JavaFileObject source = source(simpleName, code);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(message.format(arguments))
        .inFile(source)
        .onLine(lineOf(code, marker));
    return compilation;
  }

  /**
   * Asserts that {@code code} compiles with the warning {@code message} on the line where {@code
   * marker} is, and no other warning from the processor.
   */
  static Compilation assertWarning(
      String simpleName, String code, String marker, Message message, Object... arguments) {
    JavaFileObject source = source(simpleName, code);
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(message.format(arguments))
        .inFile(source)
        .onLine(lineOf(code, marker));
    assertWithMessage("warnings").that(compilation.warnings()).hasSize(1);
    return compilation;
  }

  private static JavaFileObject[] withSpi(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(SPI_SOURCES);
    all.addAll(List.of(sources));
    return all.toArray(JavaFileObject[]::new);
  }

  /** The SPI sources the build copies into the test classpath under {@code spi-sources}. */
  private static List<JavaFileObject> spiSources() {
    try (Stream<Path> files = Files.walk(resourceDirectory("spi-sources"))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .map(TestCompiler::toUrl)
          .map(JavaFileObjects::forResource)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourceDirectory(String name) {
    URL url = TestCompiler.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException(name + " is not on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL toUrl(Path file) {
    try {
      return file.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
