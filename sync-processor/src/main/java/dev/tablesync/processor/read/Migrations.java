package dev.tablesync.processor.read;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL files of a Flyway-style migrations folder, in the order Flyway applies them: versioned
 * migrations ({@code V1__create.sql}, {@code V1.1__add_index.sql}, {@code V2_1__more.sql}) by
 * version, then repeatable ones ({@code R__views.sql}) by name. Other files are ignored, as Flyway
 * ignores them. Subfolders are searched too.
 */
final class Migrations {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");

  /** A versioned migration's version, compared part by part as numbers: 1.10 comes after 1.9. */
  private record Version(List<BigInteger> parts) implements Comparable<Version> {

    static Version parse(String text) {
      return new Version(Stream.of(text.split("[._]")).map(BigInteger::new).toList());
    }

    @Override
    public int compareTo(Version other) {
      for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
        int order = part(i).compareTo(other.part(i));
        if (order != 0) {
          return order;
        }
      }
      return 0;
    }

    /** Missing parts count as 0, so that 1 and 1.0 are the same version. */
    private BigInteger part(int i) {
      return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }
  }

  private record Versioned(Version version, Path file) {}

  private Migrations() {}

  /**
   * The migrations in {@code folder}, in the order to apply them.
   *
   * @throws UnreadableSchemaException when two migrations have the same version, which Flyway
   *     rejects too
   */
  static List<Path> inOrder(Path folder) throws IOException, UnreadableSchemaException {
    List<Versioned> versioned = new ArrayList<>();
    List<Path> repeatable = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        Matcher version = VERSIONED.matcher(name);
        if (version.matches()) {
          versioned.add(new Versioned(Version.parse(version.group(1)), file));
        } else if (REPEATABLE.matcher(name).matches()) {
          repeatable.add(file);
        }
      }
    }
    versioned.sort(
        Comparator.comparing(Versioned::version).thenComparing(v -> v.file().getFileName()));
    for (int i = 1; i < versioned.size(); i++) {
      if (versioned.get(i).version().compareTo(versioned.get(i - 1).version()) == 0) {
        throw new UnreadableSchemaException(
            versioned.get(i - 1).file().getFileName()
                + " and "
                + versioned.get(i).file().getFileName()
                + " have the same version");
      }
    }
    repeatable.sort(Comparator.comparing(Path::getFileName));
    List<Path> ordered = new ArrayList<>();
    versioned.forEach(v -> ordered.add(v.file()));
    ordered.addAll(repeatable);
    return ordered;
  }
}
