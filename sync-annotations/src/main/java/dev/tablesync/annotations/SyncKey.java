package dev.tablesync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component as (part of) the target table's unique key: rows are upserted on it,
 * and it breaks ties between rows that share a cursor value. Several components form a composite
 * key, in declaration order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface SyncKey {}
