package dev.tablesync.annotations.grammar;

import java.util.regex.Pattern;

/** The names a declaration gives: the sync's, its data sources', its table's and columns'. */
public final class Names {

  /** The longest name of any kind. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern SYNC_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");
  private static final Pattern DATA_SOURCE_NAME = Pattern.compile("\\S{1,128}");

  private Names() {}

  /** A sync's name: letters, digits, {@code _}, {@code -} and {@code .}; it keys the cursor. */
  public static boolean isSyncName(String name) {
    return SYNC_NAME.matcher(name).matches();
  }

  /**
   * One SQL identifier part (a column, table or schema name): a letter or {@code _}, then
   * letters, digits, {@code _} or {@code $}. Only such names are quoted into SQL, so no name can
   * carry SQL.
   */
  public static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  /** A table's name: an identifier, optionally after a schema's ({@code wms.supplier}). */
  public static boolean isTableName(String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length > 2) {
      return false;
    }
    for (String part : parts) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  /** A data source's logical name: not empty, no white space. */
  public static boolean isDataSourceName(String name) {
    return DATA_SOURCE_NAME.matcher(name).matches();
  }
}
