package dev.tablesync.processor.check;

import com.palantir.javapoet.ClassName;
import dev.tablesync.processor.model.ColumnModel;
import dev.tablesync.processor.read.ComponentDeclaration;
import java.util.Locale;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;

/**
 * Checks a component against a column it is read from (in the source) or written to (in the
 * target): whether the types fit, and whether a primitive component may meet a NULL.
 */
final class ColumnTypeChecks {

  /** Which way values flow between the column and the component. */
  enum Direction {
    /** The component is read from a source column. */
    FROM_SOURCE,
    /** The component is written to a target column. */
    TO_TARGET
  }

  private final Reporter reporter;

  ColumnTypeChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Reports a type that does not fit {@code columnType}, one that loses values on the way, and a
   * primitive component for a column that can be NULL.
   *
   * @param describedColumn the column as messages name it: {@code target column wms_item.price}
   */
  void check(
      ComponentDeclaration component,
      ColumnModel column,
      DataType<?> columnType,
      boolean nullable,
      String describedColumn,
      Direction direction) {
    TypeFit.ValueType javaValues = TypeFit.of(column.jdbcType());
    TypeFit.ValueType columnValues = TypeFit.of(columnType);
    TypeFit.Result fit =
        direction == Direction.TO_TARGET
            ? TypeFit.fit(javaValues, columnValues)
            : TypeFit.fit(columnValues, javaValues);
    String suggestion = TypeFit.suggestedType(columnValues);
    switch (fit.verdict()) {
      case MISMATCH ->
          reporter.report(
              Message.TYPE_MISMATCH,
              component.reportOn(),
              component.name(),
              column.type(),
              describedColumn,
              columnType.getCastTypeName(),
              suggestion);
      case LOSSY ->
          reporter.report(
              Message.TYPE_LOSSY,
              component.reportOn(),
              component.name(),
              column.type(),
              describedColumn,
              columnType.getCastTypeName(),
              fit.loss(),
              suggestion);
      case FITS -> {}
    }
    if (column.primitive() && nullable) {
      reporter.report(
          Message.PRIMITIVE_FOR_NULLABLE_COLUMN,
          component.reportOn(),
          component.name(),
          column.type(),
          describedColumn,
          ((ClassName) column.type().box()).simpleName());
    }
  }

  /**
   * Whether {@code column} of {@code table} can hold NULL. A primary key column cannot, even where
   * the DDL does not say NOT NULL (jOOQ keeps the column's nullability as written).
   */
  static boolean nullable(Table<?> table, Field<?> column) {
    return column.getDataType().nullable() && !inPrimaryKey(table, column.getName());
  }

  /** Whether a selected field is a column that can hold NULL, as far as the schema tells. */
  static boolean nullable(Field<?> selected) {
    return selected instanceof TableField<?, ?> column && column.getTable() != null
        ? nullable(column.getTable(), column)
        : selected.getDataType().nullable();
  }

  private static boolean inPrimaryKey(Table<?> table, String column) {
    UniqueKey<?> primaryKey = table.getPrimaryKey();
    return primaryKey != null
        && primaryKey.getFields().stream()
            .anyMatch(
                f -> f.getName().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)));
  }
}
