package dev.tablesync.processor.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.tablesync.runtime.spi.TableSync}, listing every generated
 * syncer sorted by name. Entries from an earlier incremental compilation are kept while their
 * class still exists.
 */
public final class ServiceFileWriter {

  static final String PATH = "META-INF/services/" + SyncerWriter.TABLE_SYNC.canonicalName();

  private final Filer filer;

  public ServiceFileWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * Writes the file with {@code syncers} and the still-existing earlier entries.
   *
   * @param stillExists tells whether an earlier entry's class is still part of the program
   * @param originatingElements the records the syncers were generated from
   */
  public void write(Set<String> syncers, Predicate<String> stillExists, Element... originatingElements)
      throws IOException {
    Set<String> entries = new TreeSet<>(syncers);
    for (String earlier : readExisting()) {
      if (stillExists.test(earlier)) {
        entries.add(earlier);
      }
    }
    FileObject file =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, originatingElements);
    try (Writer out = file.openWriter()) {
      for (String entry : entries) {
        out.write(entry);
        out.write('\n');
      }
    }
  }

  private Set<String> readExisting() {
    Set<String> entries = new TreeSet<>();
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String entry = line.replaceAll("#.*", "").trim();
          if (!entry.isEmpty()) {
            entries.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException noEarlierFile) {
      // A clean build has no earlier file: nothing to merge.
    }
    return entries;
  }
}
