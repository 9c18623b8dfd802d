package dev.tablesync.runtime.spi;

import dev.tablesync.annotations.BadRowPolicy;
import dev.tablesync.annotations.grammar.Names;
import dev.tablesync.annotations.GoneRowPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code @SyncTable} record declares, as the runtime needs it. Generated code builds it
 * once with {@link #builder}.
 *
 * @param name the sync's unique name
 * @param recordType the annotated record
 * @param source the logical name of the source data source
 * @param target the logical name of the target data source
 * @param targetTable the table written to, optionally schema-qualified
 * @param query the source {@code SELECT}, without paging or ordering
 * @param batchSize rows per batch
 * @param lagSeconds how far behind the source clock reads stop; 0 for no lag
 * @param columns every column, in record component order
 * @param interval how often a scheduler runs the table, as written on the annotation; empty for
 *     none
 * @param cron when a scheduler runs the table, as a cron expression; empty for none
 * @param badRows what to do with a row that cannot be read or written
 * @param goneRows what reconciliation does with a target row the source no longer returns
 * @param softDeleteColumn the target column a soft delete marks; empty unless {@code goneRows}
 *     marks
 * @param deleteGuard the largest share of the target one reconciliation may delete or mark, from
 *     0 to 1; negative for the engine's
 * @param reconcileInterval how often a scheduler reconciles the table; empty for none
 * @param reconcileCron when a scheduler reconciles the table, as a cron expression; empty for none
 */
public record TableSpec(
    String name,
    Class<? extends Record> recordType,
    String source,
    String target,
    String targetTable,
    String query,
    int batchSize,
    int lagSeconds,
    List<ColumnSpec> columns,
    String interval,
    String cron,
    BadRowPolicy badRows,
    GoneRowPolicy goneRows,
    String softDeleteColumn,
    double deleteGuard,
    String reconcileInterval,
    String reconcileCron) {

  public TableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(targetTable, "targetTable");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(badRows, "badRows");
    Objects.requireNonNull(goneRows, "goneRows");
    Objects.requireNonNull(softDeleteColumn, "softDeleteColumn");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    Objects.requireNonNull(reconcileCron, "reconcileCron");
    columns = List.copyOf(columns);
    checkNames(name, source, target, targetTable, columns);
    if (batchSize < 1) {
      throw new IllegalArgumentException(name + ": batchSize must be at least 1, was " + batchSize);
    }
    if (lagSeconds < 0) {
      throw new IllegalArgumentException(name + ": lagSeconds must not be negative");
    }
    if (goneRows.marks() == softDeleteColumn.isEmpty()) {
      throw new IllegalArgumentException(
          name + ": goneRows " + goneRows + (goneRows.marks() ? " needs" : " takes no")
              + " softDeleteColumn");
    }
    if (deleteGuard > 1 || Double.isNaN(deleteGuard)) {
      throw new IllegalArgumentException(
          name + ": deleteGuard must be from 0 to 1 (or negative for the engine's), was "
              + deleteGuard);
    }
    if (columns.stream().filter(c -> c.role() == ColumnSpec.Role.CURSOR).count() != 1) {
      throw new IllegalArgumentException(name + ": exactly one column must be the cursor");
    }
    if (columns.stream().noneMatch(c -> c.role() == ColumnSpec.Role.KEY)) {
      throw new IllegalArgumentException(name + ": at least one column must be a key");
    }
  }

  /** The processor checks these on the annotation; a spec written by hand is checked here. */
  private static void checkNames(
      String name, String source, String target, String targetTable, List<ColumnSpec> columns) {
    if (!Names.isSyncName(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid sync name: use letters, digits, '_', '-' and '.', at most "
              + Names.MAX_LENGTH + " characters");
    }
    for (String dataSource : List.of(source, target)) {
      if (!Names.isDataSourceName(dataSource)) {
        throw new IllegalArgumentException(
            name + ": '" + dataSource + "' is not a valid data source name: use a non-empty name"
                + " without spaces");
      }
    }
    if (!Names.isTableName(targetTable)) {
      throw new IllegalArgumentException(
          name + ": '" + targetTable + "' is not a valid table name: use a name such as"
              + " wms_supplier or wms.supplier");
    }
    for (ColumnSpec column : columns) {
      if (!Names.isIdentifier(column.name())) {
        throw new IllegalArgumentException(
            name + ": '" + column.name() + "' is not a valid column name: use letters, digits,"
                + " '_' and '$', not starting with a digit");
      }
    }
  }

  /** Starts a spec for the sync {@code name} of {@code recordType}. */
  public static Builder builder(String name, Class<? extends Record> recordType) {
    return new Builder(name, recordType);
  }

  /** The index in {@link #columns()} of the cursor column. */
  public int cursorIndex() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).role() == ColumnSpec.Role.CURSOR) {
        return i;
      }
    }
    throw new AssertionError("checked in the constructor");
  }

  /** The indexes in {@link #columns()} of the key columns, in declaration order. */
  public int[] keyIndexes() {
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).role() == ColumnSpec.Role.KEY) {
        keys.add(i);
      }
    }
    return keys.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The cursor column. */
  public ColumnSpec cursor() {
    return columns.get(cursorIndex());
  }

  /** The key columns, in declaration order. */
  public List<ColumnSpec> keys() {
    return columns.stream().filter(c -> c.role() == ColumnSpec.Role.KEY).toList();
  }

  /** Builds a {@link TableSpec}; data source names and sizes start at the annotation's defaults. */
  public static final class Builder {
    private final String name;
    private final Class<? extends Record> recordType;
    private String source = "source";
    private String target = "target";
    private String targetTable;
    private String query;
    private int batchSize = 1000;
    private int lagSeconds;
    private final List<ColumnSpec> columns = new ArrayList<>();
    private String interval = "";
    private String cron = "";
    private BadRowPolicy badRows = BadRowPolicy.FAIL;
    private GoneRowPolicy goneRows = GoneRowPolicy.KEEP;
    private String softDeleteColumn = "";
    private double deleteGuard = -1;
    private String reconcileInterval = "";
    private String reconcileCron = "";

    private Builder(String name, Class<? extends Record> recordType) {
      this.name = name;
      this.recordType = recordType;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder targetTable(String targetTable) {
      this.targetTable = targetTable;
      return this;
    }

    public Builder query(String query) {
      this.query = query;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder lagSeconds(int lagSeconds) {
      this.lagSeconds = lagSeconds;
      return this;
    }

    public Builder interval(String interval) {
      this.interval = interval;
      return this;
    }

    public Builder cron(String cron) {
      this.cron = cron;
      return this;
    }

    public Builder badRows(BadRowPolicy badRows) {
      this.badRows = badRows;
      return this;
    }

    public Builder goneRows(GoneRowPolicy goneRows) {
      this.goneRows = goneRows;
      return this;
    }

    public Builder softDeleteColumn(String softDeleteColumn) {
      this.softDeleteColumn = softDeleteColumn;
      return this;
    }

    public Builder deleteGuard(double deleteGuard) {
      this.deleteGuard = deleteGuard;
      return this;
    }

    public Builder reconcileInterval(String reconcileInterval) {
      this.reconcileInterval = reconcileInterval;
      return this;
    }

    public Builder reconcileCron(String reconcileCron) {
      this.reconcileCron = reconcileCron;
      return this;
    }

    /** Adds a key column. */
    public Builder key(String column, Class<?> javaType) {
      columns.add(new ColumnSpec(column, javaType, ColumnSpec.Role.KEY));
      return this;
    }

    /** Adds the cursor column. */
    public Builder cursor(String column, Class<?> javaType) {
      columns.add(new ColumnSpec(column, javaType, ColumnSpec.Role.CURSOR));
      return this;
    }

    /** Adds a plain value column. */
    public Builder column(String column, Class<?> javaType) {
      columns.add(new ColumnSpec(column, javaType, ColumnSpec.Role.VALUE));
      return this;
    }

    public TableSpec build() {
      return new TableSpec(
          name,
          recordType,
          source,
          target,
          targetTable,
          query,
          batchSize,
          lagSeconds,
          columns,
          interval,
          cron,
          badRows,
          goneRows,
          softDeleteColumn,
          deleteGuard,
          reconcileInterval,
          reconcileCron);
    }
  }
}
