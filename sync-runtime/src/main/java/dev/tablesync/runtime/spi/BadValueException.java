package dev.tablesync.runtime.spi;

import java.sql.SQLDataException;

/**
 * A source value that cannot become its record component. Thrown by generated {@link
 * TableSync#read} code; the engine adds the table and the row's key before reporting it.
 */
public final class BadValueException extends SQLDataException {

  private static final long serialVersionUID = 1L;

  private final String column;

  public BadValueException(String column, String problem) {
    super(problem);
    this.column = column;
  }

  /** Thrown when a column mapped to a primitive component holds NULL. */
  public static BadValueException nullForPrimitive(String column, Class<?> primitive) {
    return new BadValueException(
        column, "NULL cannot be read into the primitive " + primitive.getName()
            + "; declare the component as its boxed type to allow NULL");
  }

  /** The column whose value was bad. */
  public String column() {
    return column;
  }
}
