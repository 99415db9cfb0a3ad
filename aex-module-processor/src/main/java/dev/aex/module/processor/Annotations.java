package dev.aex.module.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations by name: the processor must not link the annotation classes (it has no
 * runtime dependencies, and CLASS-retention annotations have no runtime values anyway).
 */
final class Annotations {
  static final String MODULE = EndpointKind.PACKAGE + "Module";

  private Annotations() {}

  /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(mirror -> nameOf(mirror).equals(qualifiedName))
        .map(mirror -> (AnnotationMirror) mirror)
        .findFirst();
  }

  static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The value of {@code attribute}, or its default when the source leaves it out. */
  static Object value(Elements elements, AnnotationMirror mirror, String attribute) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror);
    return values.entrySet().stream()
        .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
        .map(entry -> entry.getValue().getValue())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + attribute + " in " + mirror));
  }
}
