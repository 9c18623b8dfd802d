package dev.tablesync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as one synced table: rows read by {@link #query()} from the {@link #source()}
 * data source are upserted into {@link #targetTable()} of the {@link #target()} data source.
 *
 * <p>Each record component is one column. Exactly one component carries {@link SyncCursor}, one
 * or more carry {@link SyncKey}. The annotation processor generates a syncer class named after the
 * record with the suffix {@code Sync}, and checks the declaration at compile time.
 *
 * <pre>{@code
 * @SyncTable(name = "supplier", targetTable = "wms_supplier", query = """
 *     SELECT a.FSUPPLIERID AS supplier_id, a.FNUMBER AS supplier_number, a.FMODIFYDATE AS last_time
 *     FROM dbo.T_BD_SUPPLIER a
 *     """)
 * public record Supplier(@SyncKey long supplierId, String supplierNumber,
 *                        @SyncCursor LocalDateTime lastTime) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SyncTable {

  /** The default logical name of the data source rows are read from. */
  String DEFAULT_SOURCE = "source";

  /** The default logical name of the data source rows are written to. */
  String DEFAULT_TARGET = "target";

  /** The default number of rows read and committed per batch. */
  int DEFAULT_BATCH_SIZE = 1000;

  /** The largest allowed {@link #batchSize()}. */
  int MAX_BATCH_SIZE = 100_000;

  /** The {@link #deleteGuard()} that means "the engine's own": 10% unless the engine says else. */
  double ENGINE_DELETE_GUARD = -1;

  /** The sync's unique name: it keys the stored cursor and is what {@code SyncEngine.run} takes. */
  String name();

  /** The table written to in the target, optionally qualified by its schema ({@code wms.supplier}). */
  String targetTable();

  /**
   * A {@code SELECT} in the source's SQL whose select list names every record column (by alias or
   * column name). It must not page or order its rows: the engine adds keyset paging on the cursor
   * and key.
   */
  String query();

  /** The logical name of the source data source, as given to {@code SyncEngine.Builder.dataSource}. */
  String source() default DEFAULT_SOURCE;

  /** The logical name of the target data source, as given to {@code SyncEngine.Builder.dataSource}. */
  String target() default DEFAULT_TARGET;

  /** Rows read and committed per batch, from 1 to {@value #MAX_BATCH_SIZE}. */
  int batchSize() default DEFAULT_BATCH_SIZE;

  /**
   * How far behind the source's own clock a batch stops reading, in seconds. Rows whose cursor is
   * newer than {@code now - lagSeconds} wait for a later run, so that a source transaction that
   * commits a row with an older change time is still seen. {@code 0} reads up to the newest row.
   */
  int lagSeconds() default 0;

  /**
   * How often a scheduler runs this table, as an ISO-8601 duration ({@code PT30S}) or a number
   * with a unit ({@code 30s}, {@code 5m}, {@code 1h}). Empty when {@link #cron()} is set, or when
   * the table only runs when asked. Schedulers may override it at run time.
   */
  String interval() default "";

  /**
   * When a scheduler runs this table, as a Quartz cron expression ({@code 0 0/5 * * * ?}). Empty
   * when {@link #interval()} is set, or when the table only runs when asked.
   */
  String cron() default "";

  /** What to do with a row that cannot be read or written; {@link BadRowPolicy#FAIL} by default. */
  BadRowPolicy badRows() default BadRowPolicy.FAIL;

  /**
   * What reconciliation does with a target row whose key the source query no longer returns
   * (deleted in the source, or no longer matching the query): keep it and report it (the
   * default), delete it, or mark it in {@link #softDeleteColumn()}.
   */
  GoneRowPolicy goneRows() default GoneRowPolicy.KEEP;

  /**
   * The target column that {@link GoneRowPolicy#MARK_FLAG} or {@link GoneRowPolicy#MARK_TIME}
   * marks: a column of the target table that no component maps. Empty for the other policies.
   */
  String softDeleteColumn() default "";

  /**
   * The largest share of the target table's rows one reconciliation may delete or mark, from 0
   * to 1; more than that, and it deletes nothing and fails, saying how many rows it would have
   * removed. {@link #ENGINE_DELETE_GUARD} (the default) takes the engine's, 10% unless {@code
   * SyncEngine.Builder.deleteGuard} says else.
   */
  double deleteGuard() default ENGINE_DELETE_GUARD;

  /**
   * How often a scheduler reconciles this table (compares it with the source and repairs it), in
   * the form of {@link #interval()}. Empty when {@link #reconcileCron()} is set, or when the table
   * is only reconciled when asked.
   */
  String reconcileInterval() default "";

  /**
   * When a scheduler reconciles this table, as a Quartz cron expression. Empty when {@link
   * #reconcileInterval()} is set, or when the table is only reconciled when asked.
   */
  String reconcileCron() default "";

  /**
   * The target database's DDL, to check the mapping against at compile time: a {@code .sql} file,
   * or a folder of Flyway-style migrations ({@code V1__create.sql}, {@code V1.1__add_column.sql},
   * ...) applied in version order, then any repeatable {@code R__name.sql} ones by name. With it,
   * the processor checks that {@link #targetTable()} and every mapped column exist, that the {@link
   * SyncKey} columns are its primary key or a unique key, that each component's type fits its
   * column, and that no NOT NULL column without a default is left unmapped. Empty (the default): no
   * schema check.
   *
   * <p>A relative path is resolved against the project directory given to the compiler as {@code
   * -Atablesync.projectDir=...} (in Maven: {@code
   * <arg>-Atablesync.projectDir=${project.basedir}</arg>} in the compiler plugin's {@code
   * compilerArgs}). Without that option it is resolved against the class output directory and each
   * of its parents in turn ({@code target/classes}, {@code target}, the project directory), so
   * {@code "src/main/resources/db/migration"} works in Maven, Gradle and IDEs that compile into the
   * project. Table and column names are compared ignoring case. The DDL is read by jOOQ's
   * open-source parser, which knows most of MySQL, MariaDB, PostgreSQL and plain SQL Server DDL;
   * storage clauses it cannot read must be left out.
   */
  String targetSchema() default "";

  /**
   * The source database's DDL, in the same form as {@link #targetSchema()}. With it, every table
   * and column {@link #query()} names must exist in it, and each selected column's type must fit
   * its component. Unqualified table names are looked up in every schema the DDL creates (such as
   * SQL Server's {@code dbo}). Empty (the default): source names and types are not checked.
   */
  String sourceSchema() default "";

  /**
   * Whether the processor parses {@link #query()} to check its select list against the record's
   * components and to reject {@code ORDER BY}, {@code TOP}, {@code LIMIT} and {@code OFFSET}. Where
   * jOOQ's open-source parser cannot read the query (some T-SQL is only supported by its commercial
   * editions), the processor warns that the query was not checked; set this to {@code false} for
   * such a query to skip the check and the warning. {@link #sourceSchema()} is then not used
   * either.
   */
  boolean checkQuery() default true;
}
