package dev.tablesync.processor.check;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.tablesync.annotations.SyncTable;
import dev.tablesync.annotations.grammar.Cron;
import dev.tablesync.annotations.grammar.Interval;
import dev.tablesync.annotations.grammar.Names;
import dev.tablesync.processor.model.ColumnModel;
import dev.tablesync.processor.model.JdbcType;
import dev.tablesync.processor.model.TableModel;
import dev.tablesync.processor.read.ComponentDeclaration;
import dev.tablesync.processor.read.TableDeclaration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks what a declaration says about itself (names, sizes, key, cursor and component types),
 * reports every problem on its element, and turns a valid declaration into a {@link TableModel}.
 */
public final class DeclarationChecks {

  /** Cursor types: they order rows and round-trip exactly through the stored cursor. */
  static final Set<JdbcType> CURSOR_TYPES =
      EnumSet.of(
          JdbcType.LOCAL_DATE_TIME,
          JdbcType.OFFSET_DATE_TIME,
          JdbcType.INSTANT,
          JdbcType.LOCAL_DATE,
          JdbcType.INT,
          JdbcType.LONG,
          JdbcType.BIG_DECIMAL,
          JdbcType.BYTES);

  /** Cursor types a lag behind the source's clock applies to. */
  static final Set<JdbcType> TIME_CURSOR_TYPES =
      EnumSet.of(JdbcType.LOCAL_DATE_TIME, JdbcType.OFFSET_DATE_TIME, JdbcType.INSTANT);

  /** Floating-point values do not compare exactly, so they cannot identify a row. */
  static final Set<JdbcType> NON_KEY_TYPES = EnumSet.of(JdbcType.FLOAT, JdbcType.DOUBLE);

  private final Reporter reporter;

  public DeclarationChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Checks {@code table}; returns its model when nothing was wrong. */
  public Optional<TableModel> check(TableDeclaration table) {
    TypeElement type = table.type();
    if (type.getKind() != ElementKind.RECORD) {
      reporter.report(
          Message.NOT_A_RECORD,
          type,
          type.getSimpleName(),
          "a " + type.getKind().toString().toLowerCase().replace('_', ' '),
          type.getSimpleName());
      return Optional.empty();
    }
    int errorsBefore = reporter.errorCount();
    checkAccessible(type);
    checkAttributes(table);
    List<ColumnModel> columns = checkComponents(table);
    checkReconciliation(table, columns);
    if (reporter.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    ClassName record = ClassName.get(type);
    return Optional.of(
        new TableModel(
            record,
            syncerName(record),
            table.string("name"),
            table.string("source"),
            table.string("target"),
            table.string("targetTable"),
            table.string("query"),
            table.integer("batchSize"),
            table.integer("lagSeconds"),
            columns,
            table.string("interval"),
            table.string("cron"),
            table.enumConstant("badRows"),
            table.enumConstant("goneRows"),
            table.string("softDeleteColumn"),
            table.decimal("deleteGuard"),
            table.string("reconcileInterval"),
            table.string("reconcileCron")));
  }

  /** {@code Supplier} gets {@code SupplierSync}; {@code Outer.Inner} gets {@code Outer_InnerSync}. */
  public static ClassName syncerName(ClassName record) {
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "Sync");
  }

  private void checkAccessible(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      boolean nestedInType = t.getNestingKind() == NestingKind.MEMBER;
      if (t.getModifiers().contains(Modifier.PRIVATE)
          || !(nestedInType || t.getNestingKind() == NestingKind.TOP_LEVEL)) {
        reporter.report(
            Message.RECORD_NOT_ACCESSIBLE,
            type,
            type.getSimpleName(),
            syncerName(ClassName.get(type)).simpleName());
        return;
      }
    }
  }

  private void checkAttributes(TableDeclaration table) {
    TypeElement type = table.type();
    String name = table.string("name");
    if (name.isBlank()) {
      reportOnValue(table, "name", Message.EMPTY_NAME, type.getSimpleName());
    } else if (!Names.isSyncName(name)) {
      reportOnValue(table, "name", Message.INVALID_NAME, name, type.getSimpleName());
    }
    String targetTable = table.string("targetTable");
    if (!Names.isTableName(targetTable)) {
      reportOnValue(
          table, "targetTable", Message.INVALID_TABLE_NAME, targetTable, type.getSimpleName());
    }
    for (String attribute : List.of("source", "target")) {
      String dataSource = table.string(attribute);
      if (!Names.isDataSourceName(dataSource)) {
        reportOnValue(
            table,
            attribute,
            Message.INVALID_DATA_SOURCE_NAME,
            attribute,
            dataSource,
            type.getSimpleName());
      }
    }
    if (table.string("query").isBlank()) {
      reportOnValue(table, "query", Message.EMPTY_QUERY, type.getSimpleName());
    }
    int batchSize = table.integer("batchSize");
    if (batchSize < 1 || batchSize > SyncTable.MAX_BATCH_SIZE) {
      reportOnValue(
          table,
          "batchSize",
          Message.BATCH_SIZE_OUT_OF_RANGE,
          batchSize,
          type.getSimpleName(),
          SyncTable.MAX_BATCH_SIZE);
    }
    int lagSeconds = table.integer("lagSeconds");
    if (lagSeconds < 0) {
      reportOnValue(table, "lagSeconds", Message.NEGATIVE_LAG, lagSeconds, type.getSimpleName());
    }
    checkSchedule(table, "interval", "cron");
    checkSchedule(table, "reconcileInterval", "reconcileCron");
  }

  /**
   * A declared schedule (of syncs, or of reconciliations) must be one that every scheduler runs:
   * the annotation cannot know which.
   */
  private void checkSchedule(TableDeclaration table, String intervalAttribute, String cronAttribute) {
    String interval = table.string(intervalAttribute);
    String cron = table.string(cronAttribute);
    String record = table.type().getSimpleName().toString();
    if (!interval.isBlank() && !cron.isBlank()) {
      reportOnValue(
          table,
          cronAttribute,
          Message.SCHEDULED_TWICE,
          record,
          intervalAttribute,
          interval,
          cronAttribute,
          cron);
      return;
    }
    try {
      if (!interval.isBlank()) {
        Interval.parse(interval);
      }
    } catch (IllegalArgumentException e) {
      reportOnValue(
          table, intervalAttribute, Message.INVALID_INTERVAL, intervalAttribute, interval, record,
          e.getMessage());
    }
    try {
      if (!cron.isBlank()) {
        Cron.parse(cron);
      }
    } catch (IllegalArgumentException e) {
      reportOnValue(
          table, cronAttribute, Message.INVALID_CRON, cronAttribute, cron, record, e.getMessage());
    }
  }

  /** What reconciliation does with rows the source no longer returns, its guard and schedule. */
  private void checkReconciliation(TableDeclaration table, List<ColumnModel> columns) {
    Name type = table.type().getSimpleName();
    String goneRows = table.enumConstant("goneRows");
    boolean marks = goneRows.startsWith("MARK_");
    String softDeleteColumn = table.string("softDeleteColumn");
    if (marks && softDeleteColumn.isEmpty()) {
      reportOnValue(table, "goneRows", Message.SOFT_DELETE_COLUMN_NEEDED, goneRows, type);
    } else if (!marks && !softDeleteColumn.isEmpty()) {
      reportOnValue(
          table,
          "softDeleteColumn",
          Message.SOFT_DELETE_COLUMN_UNUSED,
          softDeleteColumn,
          type,
          goneRows);
    } else if (marks && !Names.isIdentifier(softDeleteColumn)) {
      reportOnValue(
          table, "softDeleteColumn", Message.INVALID_SOFT_DELETE_COLUMN, softDeleteColumn, type);
    } else if (marks) {
      columns.stream()
          .filter(c -> c.column().equalsIgnoreCase(softDeleteColumn))
          .findFirst()
          .ifPresent(
              c ->
                  reportOnValue(
                      table,
                      "softDeleteColumn",
                      Message.SOFT_DELETE_COLUMN_MAPPED,
                      softDeleteColumn,
                      type,
                      c.component()));
    }
    double deleteGuard = table.decimal("deleteGuard");
    if (deleteGuard != SyncTable.ENGINE_DELETE_GUARD && !(deleteGuard >= 0 && deleteGuard <= 1)) {
      reportOnValue(table, "deleteGuard", Message.DELETE_GUARD_OUT_OF_RANGE, deleteGuard, type);
    }
  }

  private List<ColumnModel> checkComponents(TableDeclaration table) {
    List<ColumnModel> columns = new ArrayList<>();
    Map<String, ComponentDeclaration> byColumn = new HashMap<>();
    ComponentDeclaration cursor = null;
    for (ComponentDeclaration component : table.components()) {
      Optional<JdbcType> jdbcType = jdbcTypeOf(component.type());
      if (jdbcType.isEmpty()) {
        reporter.report(
            Message.UNSUPPORTED_TYPE,
            component.reportOn(),
            component.name(),
            component.type(),
            JdbcType.supportedTypeNames());
        continue;
      }
      if (component.isCursor() && component.isKey()) {
        reporter.report(Message.CURSOR_AND_KEY, component.reportOn(), component.name());
      }
      if (component.isCursor()) {
        if (cursor != null) {
          reporter.report(
              Message.SECOND_CURSOR,
              component.reportOn(),
              component.cursor(),
              null,
              component.name(),
              table.type().getSimpleName(),
              cursor.name());
        } else {
          cursor = component;
          checkCursor(table, component, jdbcType.get());
        }
      }
      if (component.isKey() && NON_KEY_TYPES.contains(jdbcType.get())) {
        reporter.report(
            Message.UNSUPPORTED_KEY_TYPE,
            component.reportOn(),
            component.key(),
            null,
            component.name(),
            component.type(),
            "any supported type but float and double");
      }
      checkColumnName(table, component, byColumn);
      columns.add(
          new ColumnModel(
              component.name(),
              component.column(),
              TypeName.get(component.type()),
              jdbcType.get(),
              component.isCursor()
                  ? ColumnModel.Role.CURSOR
                  : component.isKey() ? ColumnModel.Role.KEY : ColumnModel.Role.VALUE));
    }
    if (table.components().stream().noneMatch(ComponentDeclaration::isKey)) {
      reporter.report(
          Message.NO_KEY, table.type(), table.annotation(), null, table.type().getSimpleName());
    }
    if (cursor == null) {
      reporter.report(
          Message.NO_CURSOR, table.type(), table.annotation(), null, table.type().getSimpleName());
    }
    return columns;
  }

  private void checkCursor(TableDeclaration table, ComponentDeclaration cursor, JdbcType type) {
    if (!CURSOR_TYPES.contains(type)) {
      reporter.report(
          Message.UNSUPPORTED_CURSOR_TYPE,
          cursor.reportOn(),
          cursor.cursor(),
          null,
          cursor.name(),
          cursor.type(),
          names(CURSOR_TYPES));
      return;
    }
    int lagSeconds = table.integer("lagSeconds");
    if (lagSeconds > 0 && !TIME_CURSOR_TYPES.contains(type)) {
      reportOnValue(
          table,
          "lagSeconds",
          Message.LAG_NEEDS_TIME_CURSOR,
          lagSeconds,
          table.type().getSimpleName(),
          cursor.name(),
          cursor.type());
    }
  }

  private void checkColumnName(
      TableDeclaration table,
      ComponentDeclaration component,
      Map<String, ComponentDeclaration> byColumn) {
    if (!Names.isIdentifier(component.column())) {
      reporter.report(
          Message.INVALID_COLUMN_NAME,
          component.reportOn(),
          component.columnAnnotation(),
          null,
          component.column(),
          component.name());
      return;
    }
    ComponentDeclaration first = byColumn.putIfAbsent(component.column().toLowerCase(), component);
    if (first != null) {
      reporter.report(
          Message.DUPLICATE_COLUMN,
          component.reportOn(),
          component.name(),
          component.column(),
          first.name());
    }
  }

  private void reportOnValue(
      TableDeclaration table, String attribute, Message message, Object... arguments) {
    reporter.report(
        message, table.type(), table.annotation(), table.value(attribute), arguments);
  }

  private static Optional<JdbcType> jdbcTypeOf(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
      return Optional.of(JdbcType.ENUM);
    }
    return JdbcType.forTypeName(type.toString());
  }

  private static String names(Set<JdbcType> types) {
    return types.stream().map(JdbcType::displayName).collect(Collectors.joining(", "));
  }
}
