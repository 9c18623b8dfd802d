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
}
