package dev.tablesync.processor.read;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A migrations folder is applied in Flyway's order. */
class MigrationsTest {

  @TempDir Path folder;

  @Test
  void versionsInNumericOrderThenRepeatablesByName() throws Exception {
    create(
        "V10__tenth.sql",
        "V2__second.sql",
        "V1_2__first_and_a_bit_more.sql",
        "V1.1__first_and_a_bit.sql",
        "V1__first.sql",
        "more/V3__third.sql",
        "R__views.sql",
        "R__functions.sql",
        "U1__undo_first.sql",
        "README.md",
        "seed_data.sql");
    assertThat(names(Migrations.inOrder(folder)))
        .containsExactly(
            "V1__first.sql",
            "V1.1__first_and_a_bit.sql",
            "V1_2__first_and_a_bit_more.sql",
            "V2__second.sql",
            "V3__third.sql",
            "V10__tenth.sql",
            "R__functions.sql",
            "R__views.sql")
        .inOrder();
  }

  @Test
  void twoMigrationsWithOneVersion() throws Exception {
    create("V1__first.sql", "V1.0__also_first.sql");
    UnreadableSchemaException e =
        assertThrows(UnreadableSchemaException.class, () -> Migrations.inOrder(folder));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("V1.0__also_first.sql and V1__first.sql have the same version");
  }

  private void create(String... files) throws IOException {
    for (String file : files) {
      Path path = folder.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "-- " + file);
    }
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(f -> f.getFileName().toString()).toList();
  }
}
