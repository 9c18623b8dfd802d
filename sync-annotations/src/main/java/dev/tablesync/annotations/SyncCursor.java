package dev.tablesync.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one record component that tells when a source row last changed: a timestamp, or an
 * ever-increasing number. Rows are read in (cursor, key) order, and the pair of the last row
 * written is stored with the data in the same target transaction.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface SyncCursor {}
