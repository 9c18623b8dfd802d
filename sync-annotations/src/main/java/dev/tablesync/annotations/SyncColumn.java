package dev.tablesync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column a record component maps to, in both the query's select list and the target
 * table. Without it the column name is the component name in snake_case ({@code supplierId} maps
 * to {@code supplier_id}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface SyncColumn {

  /** The column name. */
  String value();
}
