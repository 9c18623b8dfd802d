package dev.tablesync.processor.read;

import dev.tablesync.annotations.SyncColumn;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads a {@code @SyncTable} type and its components' annotations into a declaration. */
public final class TableReader {

  private final Elements elements;

  public TableReader(Elements elements) {
    this.elements = elements;
  }

  /** Reads {@code type}, which carries {@code annotation}. */
  public TableDeclaration read(TypeElement type, AnnotationMirror annotation) {
    Map<String, AnnotationValue> values = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(annotation).entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
    List<ComponentDeclaration> components = new ArrayList<>();
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : type.getRecordComponents()) {
        components.add(readComponent(type, component));
      }
    }
    return new TableDeclaration(type, annotation, values, components);
  }

  private ComponentDeclaration readComponent(TypeElement record, RecordComponentElement component) {
    Element field = fieldOf(record, component);
    AnnotationMirror column = annotation(field, SyncColumn.class);
    String columnName =
        column == null ? snakeCase(component.getSimpleName().toString()) : columnValue(column);
    return new ComponentDeclaration(
        component,
        field,
        component.asType(),
        annotation(field, SyncKey.class),
        annotation(field, SyncCursor.class),
        column,
        columnName);
  }

  /** The record's private field for {@code component}, which carries its annotations too. */
  private static Element fieldOf(TypeElement record, RecordComponentElement component) {
    return ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
        .findFirst()
        .<Element>map(f -> f)
        .orElse(component);
  }

  private static AnnotationMirror annotation(Element element, Class<?> type) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(type.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  private String columnValue(AnnotationMirror column) {
    return elements.getElementValuesWithDefaults(column).entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
        .map(e -> (String) e.getValue().getValue())
        .findFirst()
        .orElseThrow();
  }

  /** {@code supplierId} becomes {@code supplier_id}; {@code HTTPCode} becomes {@code http_code}. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
        boolean beforeLower =
            i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (out.length() > 0 && (afterLower || beforeLower) && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
