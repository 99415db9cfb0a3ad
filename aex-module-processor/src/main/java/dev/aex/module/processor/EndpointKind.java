package dev.aex.module.processor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The five kinds of module member, in the order the manifest lists them. The id ranges repeat
 * {@code dev.aex.module.spi.ModuleManifest}, which the processor cannot link (it has no runtime
 * dependencies); a test keeps the two in step.
 */
enum EndpointKind {
  INPUT("Input", "inputs", 0, 16384,
      ElementKind.METHOD, "void", "AexInputSignature"),
  OUTPUT("Output", "outputs", 16384, 16384,
      ElementKind.FIELD, "dev.aex.module.OutputPort", "AexOutputType"),
  REQUEST("Request", "requests", 32768, 16384,
      ElementKind.FIELD, "dev.aex.module.RequestPort", "AexRequestType"),
  HANDLER("Handler", "handlers", 49152, 16384,
      ElementKind.METHOD, "byte[]", "AexHandlerSignature"),
  // Entry ids are u16 and 0-4 are reserved, which leaves 65531.
  ENTRY("Entry", "entries", 5, 65531,
      ElementKind.METHOD, "dev.aex.module.EntryResult", "AexEntrySignature");

  static final String PACKAGE = "dev.aex.module.";

  private final String simpleAnnotationName;
  private final String jsonKey;
  private final int firstId;
  private final int capacity;
  private final ElementKind elementKind;
  private final String memberType;
  private final String typeTag;

  EndpointKind(
      String simpleAnnotationName,
      String jsonKey,
      int firstId,
      int capacity,
      ElementKind elementKind,
      String memberType,
      String typeTag) {
    this.simpleAnnotationName = simpleAnnotationName;
    this.jsonKey = jsonKey;
    this.firstId = firstId;
    this.capacity = capacity;
    this.elementKind = elementKind;
    this.memberType = memberType;
    this.typeTag = typeTag;
  }

  /** The kind whose annotation has this qualified name, if any. */
  static Optional<EndpointKind> byAnnotation(String qualifiedName) {
    return Arrays.stream(values())
        .filter(kind -> kind.annotationName().equals(qualifiedName))
        .findFirst();
  }

  String annotationName() {
    return PACKAGE + simpleAnnotationName;
  }

  /** How users write the annotation, for messages: {@code @Input}. */
  String display() {
    return "@" + simpleAnnotationName;
  }

  /** The singular word for messages and for {@code UnknownEndpointException}: {@code input}. */
  String label() {
    return simpleAnnotationName.toLowerCase(Locale.ROOT);
  }

  String jsonKey() {
    return jsonKey;
  }

  int firstId() {
    return firstId;
  }

  int capacity() {
    return capacity;
  }

  boolean isMethod() {
    return elementKind == ElementKind.METHOD;
  }

  ElementKind elementKind() {
    return elementKind;
  }

  /** The return type of a method kind, or the field type of a field kind, as javac prints it. */
  String memberType() {
    return memberType;
  }

  /** {@link #memberType()} without its package, for messages. */
  String simpleMemberType() {
    return memberType.substring(memberType.lastIndexOf('.') + 1);
  }

  /** The error tag for a wrong signature (methods) or field type (fields). */
  String typeTag() {
    return typeTag;
  }
}
