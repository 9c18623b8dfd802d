package dev.tablesync.runtime.spi;

import java.util.Objects;

/**
 * One column of a synced table.
 *
 * @param name the column name, the same in the query's select list and in the target table
 * @param javaType the record component's type ({@code long.class}, {@code String.class}, ...)
 * @param role whether the column is part of the key, the cursor, or a plain value
 */
public record ColumnSpec(String name, Class<?> javaType, Role role) {

  /** What a column does in the sync. */
  public enum Role {
    /** Part of the target's unique key; breaks ties between rows with the same cursor. */
    KEY,
    /** The change time (or version) rows are read in order of. */
    CURSOR,
    /** Copied as it is. */
    VALUE
  }

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(role, "role");
  }

  /** Whether the column may hold SQL NULL: primitives may not. */
  public boolean nullable() {
    return !javaType.isPrimitive();
  }
}
