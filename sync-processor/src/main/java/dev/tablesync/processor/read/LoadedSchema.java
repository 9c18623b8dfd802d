package dev.tablesync.processor.read;

import java.nio.file.Path;
import java.util.List;
import org.jooq.Meta;

/** A schema named by {@code @SyncTable(targetSchema)} or {@code (sourceSchema)}, as loaded. */
public sealed interface LoadedSchema {

  /**
   * The tables, columns and keys the DDL declares, with every name in lower case.
   *
   * @param meta the interpreted DDL
   * @param location the file or migrations folder it was read from
   */
  record Tables(Meta meta, Path location) implements LoadedSchema {}

  /**
   * No file or folder has the path.
   *
   * @param tried the full paths looked at; empty when no project directory is known
   */
  record NotFound(List<Path> tried) implements LoadedSchema {
    public NotFound {
      tried = List.copyOf(tried);
    }
  }

  /**
   * The path was found but its DDL could not be read or interpreted.
   *
   * @param problem what went wrong and where, to quote in a message
   */
  record Unreadable(String problem) implements LoadedSchema {}
}
