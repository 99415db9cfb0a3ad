package dev.aex.module.processor;

import java.util.Arrays;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Compares types by name, since the processor cannot link the module API's classes. */
final class TypeChecks {
  private final Elements elements;
  private final Types types;

  TypeChecks(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Whether {@code type} is {@code expected} ({@code void}, {@code byte[]} or a qualified class
   * name). A type javac could not resolve passes: javac reports it already, and a second error
   * about the same word would only confuse.
   */
  boolean is(TypeMirror type, String expected) {
    return type.getKind() == TypeKind.ERROR || types.erasure(type).toString().equals(expected);
  }

  /** Whether {@code type} is a subtype of at least one of the named classes. */
  boolean isSubtypeOfAny(TypeMirror type, String... classNames) {
    return Arrays.stream(classNames)
        .map(name -> elements.getTypeElement(name).asType())
        .anyMatch(supertype -> types.isSubtype(type, supertype));
  }
}
