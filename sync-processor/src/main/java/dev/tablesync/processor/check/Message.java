package dev.tablesync.processor.check;

import javax.tools.Diagnostic;

/**
 * Every message the processor reports, in one place. Each one says what is wrong and how to fix it;
 * the arguments fill its {@link String#format} pattern. Every message has a compile-testing case in
 * the processor's tests that asserts its text and line.
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
          + "wms_supplier or wms.supplier (letters, digits, '_' and '$', not starting with a "
          + "digit)"),
  INVALID_COLUMN_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncColumn(\"%s\") of %s is not a valid column name; use letters, digits, '_' and '$', "
          + "not starting with a digit"),
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
  SCHEDULED_TWICE(
      Diagnostic.Kind.ERROR,
      "@SyncTable of %s declares both %s = \"%s\" and %s = \"%s\"; keep one"),
  INVALID_INTERVAL(
      Diagnostic.Kind.ERROR,
      "@SyncTable(%s = \"%s\") of %s cannot be read: %s"),
  INVALID_CRON(
      Diagnostic.Kind.ERROR,
      "@SyncTable(%s = \"%s\") of %s cannot be run: %s. An annotation's cron must run on the "
          + "embedded scheduler and on Quartz alike; give Quartz-only expressions to "
          + "QuartzSync.register as overrides"),
  SOFT_DELETE_COLUMN_NEEDED(
      Diagnostic.Kind.ERROR,
      "@SyncTable(goneRows = %s) of %s marks rows in a column of the target; name it with "
          + "softDeleteColumn = \"...\" (a boolean column for MARK_FLAG, a nullable date-time "
          + "column for MARK_TIME)"),
  SOFT_DELETE_COLUMN_UNUSED(
      Diagnostic.Kind.ERROR,
      "@SyncTable(softDeleteColumn = \"%s\") of %s is not used with goneRows = %s; set goneRows "
          + "= MARK_FLAG or MARK_TIME to mark rows in it, or remove it"),
  INVALID_SOFT_DELETE_COLUMN(
      Diagnostic.Kind.ERROR,
      "@SyncTable(softDeleteColumn = \"%s\") of %s is not a valid column name; use letters, "
          + "digits, '_' and '$', not starting with a digit"),
  SOFT_DELETE_COLUMN_MAPPED(
      Diagnostic.Kind.ERROR,
      "@SyncTable(softDeleteColumn = \"%s\") of %s is the column component %s maps; a "
          + "soft-delete column belongs to the target alone: name a column no component maps"),
  DELETE_GUARD_OUT_OF_RANGE(
      Diagnostic.Kind.ERROR,
      "@SyncTable(deleteGuard = %s) of %s is out of range; use the largest share of the target "
          + "table one reconciliation may delete, from 0 to 1 (0.1 is 10%%), or leave it out for "
          + "the engine's"),
  SOFT_DELETE_COLUMN_NOT_FOUND(
      Diagnostic.Kind.ERROR,
      "@SyncTable(softDeleteColumn = \"%s\") of %s is not a column of target table %s; %sadd "
          + "it to the table. The table's columns: %s"),
  SOFT_DELETE_COLUMN_TYPE(
      Diagnostic.Kind.ERROR,
      "@SyncTable(softDeleteColumn = \"%s\") of %s has type %s in target table %s, but goneRows"
          + " = %s needs %s"),
  DUPLICATE_SYNC_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncTable(name = \"%s\") of %s is used by %s already; every sync needs its own name"),
  QUERY_SYNTAX(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s is not valid SQL: %s at %s; fix the query, or set checkQuery = "
          + "false if the source database accepts it but jOOQ's parser cannot read it"),
  QUERY_NOT_CHECKED(
      Diagnostic.Kind.WARNING,
      "@SyncTable(query) of %s was not fully checked: %s; check it by hand, or set checkQuery = "
          + "false to skip the check and this warning"),
  QUERY_NOT_A_SELECT(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s must be a single SELECT, but it %s; write the one SELECT that "
          + "reads the source rows"),
  QUERY_HAS_ORDER_BY(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s has an ORDER BY; remove it: the engine reads rows in (cursor, key) "
          + "order and adds that ORDER BY itself"),
  QUERY_HAS_ROW_LIMIT(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s limits or skips rows (TOP, LIMIT, OFFSET or FETCH); remove that: "
          + "the engine pages through the rows itself, batchSize rows at a time"),
  QUERY_COLUMN_WITHOUT_NAME(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s selects %s without a name; give it an alias that a component maps "
          + "to ('... AS column_name'), or remove it"),
  QUERY_DUPLICATE_COLUMN(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s selects more than one column named '%s'; give each its own alias, "
          + "since the engine reads the query's columns by name"),
  COLUMN_NOT_IN_QUERY(
      Diagnostic.Kind.ERROR,
      "component %s maps to column '%s', which @SyncTable(query) does not select; %sadd "
          + "'... AS %s' to the select list, or map the component to a selected column with "
          + "@SyncColumn. The query selects: %s"),
  QUERY_COLUMN_UNUSED(
      Diagnostic.Kind.WARNING,
      "@SyncTable(query) of %s selects '%s', which no component maps; remove it from the select "
          + "list, or add a component for it"),
  SOURCE_NAME_UNKNOWN(
      Diagnostic.Kind.ERROR,
      "@SyncTable(query) of %s names a %s that sourceSchema does not declare, at %s; fix the "
          + "name, or declare it in %s"),
  SCHEMA_NOT_FOUND(
      Diagnostic.Kind.ERROR,
      "@SyncTable(%s = \"%s\") of %s names no file or folder (tried: %s); give a path relative to "
          + "the project directory, and pass that directory to the compiler as "
          + "-Atablesync.projectDir=..."),
  SCHEMA_UNREADABLE(
      Diagnostic.Kind.ERROR,
      "@SyncTable(%s = \"%s\") of %s cannot be used: %s; fix the DDL, leaving out what jOOQ's "
          + "parser cannot read (storage options, vendor-only statements)"),
  TARGET_TABLE_NOT_FOUND(
      Diagnostic.Kind.ERROR,
      "@SyncTable(targetTable = \"%s\") of %s is not a table of targetSchema; %sits tables: %s"),
  TARGET_COLUMN_NOT_FOUND(
      Diagnostic.Kind.ERROR,
      "component %s maps to column '%s', which target table %s does not have; %srename the "
          + "component or map it with @SyncColumn. The table's columns: %s"),
  KEY_NOT_UNIQUE(
      Diagnostic.Kind.ERROR,
      "the @SyncKey columns (%s) of %s are not the primary key or a unique key of target table "
          + "%s, so rows cannot be upserted on them; mark the columns of one of its keys with "
          + "@SyncKey, or add a unique key on (%s). Its keys: %s"),
  NOT_NULL_COLUMN_UNMAPPED(
      Diagnostic.Kind.ERROR,
      "target table %s has NOT NULL columns without a default that no component of %s maps: %s; "
          + "every insert would fail, so add a component for each, or give them defaults"),
  PRIMITIVE_FOR_NULLABLE_COLUMN(
      Diagnostic.Kind.ERROR,
      "component %s has the primitive type %s, but %s can be NULL; declare it as %s, or make the "
          + "column NOT NULL"),
  TYPE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "component %s has type %s, which does not match %s of type %s; declare it as %s"),
  TYPE_LOSSY(
      Diagnostic.Kind.WARNING,
      "component %s has type %s and %s has type %s: %s can be lost between them; declare the "
          + "component as %s to keep every value"),
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
