package dev.tablesync.processor.check;

import dev.tablesync.processor.read.LoadedSchema;
import dev.tablesync.processor.read.SchemaLoader;
import dev.tablesync.processor.read.TableDeclaration;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The schemas a declaration names in {@code targetSchema} and {@code sourceSchema}, loaded; a
 * schema that cannot be loaded is reported on its attribute.
 */
public final class DeclaredSchemas {

  private final Reporter reporter;
  private final SchemaLoader loader;

  public DeclaredSchemas(Reporter reporter, SchemaLoader loader) {
    this.reporter = reporter;
    this.loader = loader;
  }

  /**
   * The schema {@code attribute} names, or empty when it names none or the schema could not be
   * loaded (which is reported).
   */
  Optional<LoadedSchema.Tables> load(TableDeclaration table, String attribute) {
    String path = table.string(attribute);
    if (path.isBlank()) {
      return Optional.empty();
    }
    LoadedSchema schema = loader.load(path);
    if (schema instanceof LoadedSchema.Tables tables) {
      return Optional.of(tables);
    }
    if (schema instanceof LoadedSchema.NotFound notFound) {
      report(
          table,
          attribute,
          Message.SCHEMA_NOT_FOUND,
          notFound.tried().isEmpty()
              ? "nothing, since the project directory is unknown"
              : notFound.tried().stream().map(Path::toString).collect(Collectors.joining(", ")));
    } else if (schema instanceof LoadedSchema.Unreadable unreadable) {
      report(table, attribute, Message.SCHEMA_UNREADABLE, unreadable.problem());
    }
    return Optional.empty();
  }

  private void report(TableDeclaration table, String attribute, Message message, String detail) {
    reporter.report(
        message,
        table.type(),
        table.annotation(),
        table.value(attribute),
        attribute,
        table.string(attribute),
        table.type().getSimpleName(),
        detail);
  }
}
