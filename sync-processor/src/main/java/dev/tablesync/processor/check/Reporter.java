package dev.tablesync.processor.check;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports catalogue messages on the element (and annotation value) they are about, so that javac
 * and IDEs point at the line to fix. Counts the errors reported.
 */
public final class Reporter {

  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} on {@code element}. */
  public void report(Message message, Element element, Object... arguments) {
    print(message, element, null, null, arguments);
  }

  /** Reports {@code message} on one value of an annotation on {@code element}. */
  public void report(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... arguments) {
    print(message, element, annotation, value, arguments);
  }

  private void print(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object[] arguments) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(message.kind(), message.format(arguments), element, annotation, value);
  }

  /** How many errors were reported since this reporter was made. */
  public int errorCount() {
    return errors;
  }
}
