package dev.tablesync.processor.read;

import dev.tablesync.processor.sql.ParserProblem;
import dev.tablesync.processor.sql.SqlParsing;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.ParserException;

/**
 * Loads the DDL a {@code @SyncTable} names as its target or source schema, a file or a folder of
 * migrations, and lets jOOQ interpret it into tables, columns and keys. Each path is loaded once
 * per compilation, however many records name it.
 */
public final class SchemaLoader {

  /** The processor option that gives the project directory relative schema paths start from. */
  public static final String PROJECT_DIR_OPTION = "tablesync.projectDir";

  /**
   * How many parents of the class output directory are searched when no project directory is given:
   * enough for Maven's {@code target/classes} and Gradle's {@code build/classes/java/main}, not so
   * many that a path matches something far outside the project.
   */
  private static final int OUTPUT_PARENTS_SEARCHED = 4;

  private final List<Path> baseDirectories;
  private final Map<String, LoadedSchema> loaded = new HashMap<>();

  /**
   * @param baseDirectories where relative paths are looked for, in order
   */
  public SchemaLoader(List<Path> baseDirectories) {
    this.baseDirectories = List.copyOf(baseDirectories);
  }

  /**
   * A loader for this compilation: relative paths resolve against the {@value #PROJECT_DIR_OPTION}
   * option's directory, or else against the class output directory and its parents.
   */
  public static SchemaLoader forCompilation(Map<String, String> options, Filer filer) {
    String projectDir = options.get(PROJECT_DIR_OPTION);
    if (projectDir != null && !projectDir.isBlank()) {
      return new SchemaLoader(List.of(Path.of(projectDir)));
    }
    return new SchemaLoader(classOutputAndParents(filer));
  }

  /** The schema at {@code path}: a DDL file, or a folder of migrations. */
  public LoadedSchema load(String path) {
    return loaded.computeIfAbsent(path, this::read);
  }

  private LoadedSchema read(String path) {
    List<Path> candidates;
    try {
      candidates = candidates(Path.of(path));
    } catch (InvalidPathException e) {
      return new LoadedSchema.Unreadable("it is not a valid path: " + e.getMessage());
    }
    Optional<Path> location = candidates.stream().filter(Files::exists).findFirst();
    if (location.isEmpty()) {
      return new LoadedSchema.NotFound(candidates);
    }
    try {
      List<Path> files =
          Files.isDirectory(location.get())
              ? Migrations.inOrder(location.get())
              : List.of(location.get());
      if (files.isEmpty()) {
        throw new UnreadableSchemaException(
            "the folder holds no migrations named like V1__create_tables.sql");
      }
      return new LoadedSchema.Tables(interpret(files), location.get());
    } catch (UnreadableSchemaException e) {
      return new LoadedSchema.Unreadable(e.getMessage());
    } catch (IOException e) {
      return new LoadedSchema.Unreadable("reading it failed: " + e);
    }
  }

  /** Where {@code path} may be, in the order to look. */
  private List<Path> candidates(Path path) {
    return path.isAbsolute()
        ? List.of(path)
        : baseDirectories.stream().map(base -> base.resolve(path).normalize()).toList();
  }

  /**
   * Parses every file, so that a syntax error names its file and line, then interprets all their
   * statements in order. Statements that change no table (INSERT, COMMENT ON, ...) are ignored.
   */
  private static Meta interpret(List<Path> files) throws IOException, UnreadableSchemaException {
    DSLContext sql = SqlParsing.lowerCaseNames();
    List<Query> statements = new ArrayList<>();
    for (Path file : files) {
      String ddl = Files.readString(file, StandardCharsets.UTF_8);
      try {
        statements.addAll(List.of(sql.parser().parse(ddl).queries()));
      } catch (ParserException e) {
        ParserProblem problem = ParserProblem.of(e);
        throw new UnreadableSchemaException(
            file.getFileName()
                + " does not parse: "
                + problem.problem()
                + " at "
                + problem.where());
      }
    }
    try {
      return sql.meta(statements.toArray(Query[]::new));
    } catch (DataAccessException e) {
      throw new UnreadableSchemaException(
          "its statements cannot be applied in order: " + e.getMessage().replaceAll("\\s+", " "));
    }
  }

  private static List<Path> classOutputAndParents(Filer filer) {
    URI classOutput;
    try {
      classOutput = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "tablesync").toUri();
    } catch (IOException | IllegalArgumentException noClassOutput) {
      return List.of();
    }
    if (!"file".equals(classOutput.getScheme())) {
      return List.of();
    }
    List<Path> directories = new ArrayList<>();
    Path directory = Path.of(classOutput).getParent();
    for (int i = 0; directory != null && i <= OUTPUT_PARENTS_SEARCHED; i++) {
      directories.add(directory);
      directory = directory.getParent();
    }
    return directories;
  }
}
