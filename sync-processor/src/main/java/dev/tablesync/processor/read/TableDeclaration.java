package dev.tablesync.processor.read;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * One {@code @SyncTable} type as written, before it is checked: its annotation's values (defaults
 * filled in) and its components, with the elements to report problems on.
 *
 * @param type the annotated type
 * @param annotation the {@code @SyncTable} mirror
 * @param values every attribute of the annotation by name, defaults included
 * @param components the record components in order; empty when the type is not a record
 */
public record TableDeclaration(
    TypeElement type,
    AnnotationMirror annotation,
    Map<String, AnnotationValue> values,
    List<ComponentDeclaration> components) {

  public TableDeclaration {
    values = Map.copyOf(values);
    components = List.copyOf(components);
  }

  /** The component named {@code name}. */
  public ComponentDeclaration component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** The attribute's value as a string. */
  public String string(String attribute) {
    return (String) values.get(attribute).getValue();
  }

  /** The attribute's value as an int. */
  public int integer(String attribute) {
    return (Integer) values.get(attribute).getValue();
  }

  /** The attribute's value as a double. */
  public double decimal(String attribute) {
    return (Double) values.get(attribute).getValue();
  }

  /** The name of the enum constant the attribute is set to. */
  public String enumConstant(String attribute) {
    return ((VariableElement) values.get(attribute).getValue()).getSimpleName().toString();
  }

  /** The attribute's value as a boolean. */
  public boolean bool(String attribute) {
    return (Boolean) values.get(attribute).getValue();
  }

  /** The attribute's value, to report a problem on. */
  public AnnotationValue value(String attribute) {
    return values.get(attribute);
  }
}
