package dev.tablesync.runtime.dialect;

import java.util.List;

/**
 * A rendered batch read and what each of its bind parameters takes, in order.
 *
 * @param sql the statement
 * @param parameters one entry per {@code ?}
 */
public record KeysetSelect(String sql, List<Parameter> parameters) {

  public KeysetSelect {
    parameters = List.copyOf(parameters);
  }

  /** What a bind parameter of a keyset read takes. */
  public sealed interface Parameter {}

  /**
   * One value of the stored position.
   *
   * @param element 0 for the cursor, 1 to n for the key columns in order
   */
  public record PositionValue(int element) implements Parameter {}

  /** The highest cursor value to read (the source clock minus the lag). */
  public record UpperBound() implements Parameter {}

  /** The batch size. */
  public record Limit() implements Parameter {}
}
