package dev.tablesync.processor.check;

import javax.tools.Diagnostic;

/**
 * Every message the processor reports, in one place. Each one says what is wrong and how to fix
 * it; the arguments fill its {@link String#format} pattern.
 */
public enum Message {
  NOT_A_RECORD(
      Diagnostic.Kind.ERROR,
      "@SyncTable must annotate a record, but %s is %s; declare it as 'record %s(...)'"),
  RECORD_NOT_ACCESSIBLE(
      Diagnostic.Kind.ERROR,
      "@SyncTable record %s must be top-level or a static nested record that is not private, "
          + "so that the generated %s can use it"),
  NO_KEY(
      Diagnostic.Kind.ERROR,
      "@SyncTable record %s has no @SyncKey component; mark the component(s) that form the "
          + "target table's unique key"),
  NO_CURSOR(
      Diagnostic.Kind.ERROR,
      "@SyncTable record %s has no @SyncCursor component; mark the component that tells when a "
          + "row last changed"),
  SECOND_CURSOR(
      Diagnostic.Kind.ERROR,
      "%s is a second @SyncCursor in %s (the first is %s); a table has exactly one cursor"),
  CURSOR_AND_KEY(
      Diagnostic.Kind.ERROR,
      "%s is both @SyncCursor and @SyncKey; the cursor tells when a row changed, the key which "
          + "row it is"),
  UNSUPPORTED_TYPE(
      Diagnostic.Kind.ERROR,
      "%s has type %s, which TableSync cannot map to a column; supported types: %s"),
  UNSUPPORTED_CURSOR_TYPE(
      Diagnostic.Kind.ERROR,
      "@SyncCursor %s has type %s, which cannot be ordered and bound as a cursor; use one of: %s"),
  UNSUPPORTED_KEY_TYPE(
      Diagnostic.Kind.ERROR,
      "@SyncKey %s has type %s, which cannot be compared exactly as a key; use one of: %s"),
  DUPLICATE_COLUMN(
      Diagnostic.Kind.ERROR,
      "%s maps to column '%s', which %s maps to already; give one of them another @SyncColumn"),
  EMPTY_NAME(Diagnostic.Kind.ERROR, "@SyncTable(name) of %s is empty; give the sync a unique name"),
  INVALID_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncTable(name = \"%s\") of %s is not a valid sync name; use letters, digits, '_', '-' "
          + "and '.', at most 128 characters"),
  INVALID_TABLE_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncTable(targetTable = \"%s\") of %s is not a valid table name; use a name such as "
          + "wms_supplier or wms.supplier (letters, digits and '_', not starting with a digit)"),
  INVALID_COLUMN_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncColumn(\"%s\") of %s is not a valid column name; use letters, digits and '_', not "
          + "starting with a digit"),
  INVALID_DATA_SOURCE_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncTable(%s = \"%s\") of %s is not a valid data source name; use a non-empty name "
          + "without spaces"),
  EMPTY_QUERY(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s is empty; write the SELECT that reads the source rows"),
  BATCH_SIZE_OUT_OF_RANGE(
      Diagnostic.Kind.ERROR, "@SyncTable(batchSize = %d) of %s is out of range; use 1 to %d"),
  NEGATIVE_LAG(
      Diagnostic.Kind.ERROR,
      "@SyncTable(lagSeconds = %d) of %s is negative; use 0 for no lag, or the seconds to stay "
          + "behind the source clock"),
  LAG_NEEDS_TIME_CURSOR(
      Diagnostic.Kind.ERROR,
      "@SyncTable(lagSeconds = %d) of %s needs a date-time cursor, but @SyncCursor %s is %s"),
  DUPLICATE_SYNC_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncTable(name = \"%s\") of %s is used by %s already; every sync needs its own name"),
  INTERNAL_ERROR(
      Diagnostic.Kind.ERROR,
      "TableSync's processor failed on %s: %s. This is a bug in TableSync; please report it "
          + "with this message and the record's source. Stack: %s");

  private final Diagnostic.Kind kind;
  private final String pattern;

  Message(Diagnostic.Kind kind, String pattern) {
    this.kind = kind;
    this.pattern = pattern;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The message with its arguments filled in. */
  public String format(Object... arguments) {
    return String.format(pattern, arguments);
  }
}
