package dev.tablesync.processor.read;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.type.TypeMirror;

/**
 * One record component as written, before it is checked.
 *
 * @param element the record component
 * @param reportOn where to report problems: the component's field, because javac 17 drops the
 *     position of diagnostics on record components (JDK-8295184)
 * @param type the component's type
 * @param key the {@code @SyncKey} on it, or null
 * @param cursor the {@code @SyncCursor} on it, or null
 * @param columnAnnotation the {@code @SyncColumn} on it, or null
 * @param column the column name: {@code @SyncColumn}'s value, or the name in snake_case
 */
public record ComponentDeclaration(
    RecordComponentElement element,
    Element reportOn,
    TypeMirror type,
    AnnotationMirror key,
    AnnotationMirror cursor,
    AnnotationMirror columnAnnotation,
    String column) {

  /** The component's name. */
  public String name() {
    return element.getSimpleName().toString();
  }

  public boolean isKey() {
    return key != null;
  }

  public boolean isCursor() {
    return cursor != null;
  }
}
