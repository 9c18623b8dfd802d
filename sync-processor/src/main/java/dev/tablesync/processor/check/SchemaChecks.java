package dev.tablesync.processor.check;

import dev.tablesync.processor.model.ColumnModel;
import dev.tablesync.processor.model.TableModel;
import dev.tablesync.processor.read.ComponentDeclaration;
import dev.tablesync.processor.read.LoadedSchema;
import dev.tablesync.processor.read.TableDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;

/**
 * Checks a declaration against its {@code targetSchema}: the target table and every mapped column
 * exist, the key columns are a primary or unique key (an upsert needs one), each component's type
 * fits its column, and no NOT NULL column without a default is left unmapped.
 */
public final class SchemaChecks {

  private final Reporter reporter;
  private final DeclaredSchemas schemas;
  private final ColumnTypeChecks columnTypeChecks;

  public SchemaChecks(Reporter reporter, DeclaredSchemas schemas) {
    this.reporter = reporter;
    this.schemas = schemas;
    this.columnTypeChecks = new ColumnTypeChecks(reporter);
  }

  /** Checks {@code table}, whose declaration checks passed as {@code model}. */
  public void check(TableDeclaration table, TableModel model) {
    Optional<LoadedSchema.Tables> target = schemas.load(table, "targetSchema");
    if (target.isEmpty()) {
      return;
    }
    List<Table<?>> tables = target.get().meta().getTables();
    Optional<Table<?>> targetTable = find(tables, model.targetTable());
    if (targetTable.isEmpty()) {
      List<String> names = tables.stream().map(SchemaChecks::qualifiedName).toList();
      reporter.report(
          Message.TARGET_TABLE_NOT_FOUND,
          table.type(),
          table.annotation(),
          table.value("targetTable"),
          model.targetTable(),
          table.type().getSimpleName(),
          Names.didYouMean(model.targetTable(), names),
          Names.list(names));
      return;
    }
    Map<String, Field<?>> columns = new LinkedHashMap<>();
    for (Field<?> column : targetTable.get().fields()) {
      columns.put(key(column.getName()), column);
    }
    boolean allColumnsFound = true;
    for (ColumnModel column : model.columns()) {
      ComponentDeclaration component = table.component(column.component());
      Field<?> found = columns.get(key(column.column()));
      if (found == null) {
        allColumnsFound = false;
        List<String> names = columns.values().stream().map(Field::getName).toList();
        reporter.report(
            Message.TARGET_COLUMN_NOT_FOUND,
            component.reportOn(),
            component.columnAnnotation(),
            null,
            component.name(),
            column.column(),
            model.targetTable(),
            Names.didYouMean(column.column(), names),
            Names.list(names));
        continue;
      }
      columnTypeChecks.check(
          component,
          column,
          found.getDataType(),
          ColumnTypeChecks.nullable(targetTable.get(), found),
          "target column " + model.targetTable() + "." + found.getName(),
          ColumnTypeChecks.Direction.TO_TARGET);
    }
    if (allColumnsFound) {
      checkKey(table, model, targetTable.get());
    }
    checkUnmappedNotNullColumns(table, model, targetTable.get());
    if (!model.softDeleteColumn().isEmpty()) {
      checkSoftDeleteColumn(table, model, targetTable.get(), columns);
    }
  }

  /**
   * The soft-delete column exists; MARK_FLAG's is a boolean (or the TINYINT MySQL spells BOOLEAN
   * as), MARK_TIME's a date-time that can be NULL, which is how a row that came back reads.
   */
  private void checkSoftDeleteColumn(
      TableDeclaration table, TableModel model, Table<?> targetTable, Map<String, Field<?>> columns) {
    Field<?> column = columns.get(key(model.softDeleteColumn()));
    if (column == null) {
      List<String> names = columns.values().stream().map(Field::getName).toList();
      reporter.report(
          Message.SOFT_DELETE_COLUMN_NOT_FOUND,
          table.type(),
          table.annotation(),
          table.value("softDeleteColumn"),
          model.softDeleteColumn(),
          table.type().getSimpleName(),
          model.targetTable(),
          Names.didYouMean(model.softDeleteColumn(), names),
          Names.list(names));
      return;
    }
    boolean flag = model.goneRows().equals("MARK_FLAG");
    boolean fits =
        flag
            ? column.getDataType().isBoolean()
                || column.getDataType().getSQLDataType().getTypeName().equals("tinyint")
            : column.getDataType().isTimestamp() && ColumnTypeChecks.nullable(targetTable, column);
    if (!fits) {
      reporter.report(
          Message.SOFT_DELETE_COLUMN_TYPE,
          table.type(),
          table.annotation(),
          table.value("softDeleteColumn"),
          model.softDeleteColumn(),
          table.type().getSimpleName(),
          column.getDataType().getTypeName()
              + (ColumnTypeChecks.nullable(targetTable, column) ? "" : " NOT NULL"),
          model.targetTable(),
          model.goneRows(),
          flag ? "a BOOLEAN column" : "a TIMESTAMP or DATETIME column that can be NULL");
    }
  }

  /** The table {@code name} names, {@code schema.table} or a table of any schema. */
  private static Optional<Table<?>> find(List<Table<?>> tables, String name) {
    String[] parts = name.split("\\.", 2);
    String schema = parts.length == 2 ? parts[0] : null;
    String tableName = parts[parts.length - 1];
    return tables.stream()
        .filter(t -> t.getName().equalsIgnoreCase(tableName))
        .filter(
            t ->
                schema == null
                    || (t.getSchema() != null && t.getSchema().getName().equalsIgnoreCase(schema)))
        .findFirst();
  }

  private void checkKey(TableDeclaration table, TableModel model, Table<?> targetTable) {
    List<String> keyColumns =
        model.columns().stream()
            .filter(c -> c.role() == ColumnModel.Role.KEY)
            .map(ColumnModel::column)
            .toList();
    Set<String> wanted = keyColumns.stream().map(SchemaChecks::key).collect(Collectors.toSet());
    Map<String, Set<String>> uniqueKeys = uniqueKeys(targetTable);
    if (uniqueKeys.containsValue(wanted)) {
      return;
    }
    ComponentDeclaration firstKey =
        table.components().stream().filter(ComponentDeclaration::isKey).findFirst().orElseThrow();
    String columns = String.join(", ", keyColumns);
    reporter.report(
        Message.KEY_NOT_UNIQUE,
        firstKey.reportOn(),
        firstKey.key(),
        null,
        columns,
        table.type().getSimpleName(),
        model.targetTable(),
        columns,
        Names.list(uniqueKeys.keySet()));
  }

  /**
   * The table's primary key, unique constraints and unique indexes, each described as in DDL
   * ({@code PRIMARY KEY (id)}) with its lower-case column names.
   */
  private static Map<String, Set<String>> uniqueKeys(Table<?> table) {
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    for (UniqueKey<?> key : table.getKeys()) {
      List<String> columns = key.getFields().stream().map(Field::getName).toList();
      String kind = key.isPrimary() ? "PRIMARY KEY" : "UNIQUE";
      keys.put(kind + " (" + String.join(", ", columns) + ")", keySet(columns));
    }
    for (Index index : table.getIndexes()) {
      if (index.getUnique()) {
        List<String> columns = index.getFields().stream().map(SortField::getName).toList();
        keys.put(
            "UNIQUE INDEX " + index.getName() + " (" + String.join(", ", columns) + ")",
            keySet(columns));
      }
    }
    return keys;
  }

  private void checkUnmappedNotNullColumns(
      TableDeclaration table, TableModel model, Table<?> targetTable) {
    Set<String> mapped =
        model.columns().stream().map(c -> key(c.column())).collect(Collectors.toSet());
    List<String> unmapped = new ArrayList<>();
    for (Field<?> column : targetTable.fields()) {
      boolean filledByDatabase =
          column.getDataType().defaulted() || column.getDataType().identity();
      if (!mapped.contains(key(column.getName()))
          && !ColumnTypeChecks.nullable(targetTable, column)
          && !filledByDatabase) {
        unmapped.add(column.getName());
      }
    }
    if (!unmapped.isEmpty()) {
      reporter.report(
          Message.NOT_NULL_COLUMN_UNMAPPED,
          table.type(),
          table.annotation(),
          table.value("targetTable"),
          model.targetTable(),
          table.type().getSimpleName(),
          String.join(", ", unmapped));
    }
  }

  private static String qualifiedName(Table<?> table) {
    return table.getSchema() == null || table.getSchema().getName().isEmpty()
        ? table.getName()
        : table.getSchema().getName() + "." + table.getName();
  }

  private static Set<String> keySet(List<String> columns) {
    return columns.stream().map(SchemaChecks::key).collect(Collectors.toSet());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
