package dev.tablesync.runtime.spring;

/**
 * A logical data source name that a table uses and the application does not resolve to exactly
 * one data source. Its message names the table, its record, the logical name and the beans it
 * could have meant; {@link #action} says how to fix it.
 */
public class UnresolvedDataSourceException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient String action;

  UnresolvedDataSourceException(String description, String action) {
    super(description);
    this.action = action;
  }

  /** What to change in the application to resolve the name. */
  public String action() {
    return action;
  }
}
