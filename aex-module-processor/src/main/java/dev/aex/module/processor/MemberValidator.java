package dev.aex.module.processor;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/** Checks one annotated member of a module class: its modifiers, and its signature or type. */
final class MemberValidator {
  private final TypeChecks typeChecks;
  private final ErrorReporter reporter;

  MemberValidator(TypeChecks typeChecks, ErrorReporter reporter) {
    this.typeChecks = typeChecks;
    this.reporter = reporter;
  }

  void check(Element member, EndpointKind kind, AnnotationMirror annotation) {
    // javac itself rejects an annotation on the wrong kind of member.
    if (member.getKind() != kind.elementKind()) {
      return;
    }
    checkModifiers(member, kind, annotation);
    if (member instanceof ExecutableElement method) {
      checkSignature(method, kind, annotation);
      checkThrows(method, kind, annotation);
    } else {
      checkFieldType(member, kind, annotation);
    }
  }

  private void checkModifiers(Element member, EndpointKind kind, AnnotationMirror annotation) {
    List<Modifier> forbidden =
        kind.isMethod()
            ? List.of(Modifier.PRIVATE, Modifier.STATIC)
            : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    for (Modifier modifier : forbidden) {
      if (member.getModifiers().contains(modifier)) {
        reporter.error(
            "AexMemberModifiers",
            member,
            annotation,
            String.format(
                "%s %s '%s' must not be %s: %s. Remove '%s'.",
                kind.display(), kind.isMethod() ? "method" : "field", member.getSimpleName(),
                modifier, why(modifier), modifier));
      }
    }
  }

  private static String why(Modifier modifier) {
    return switch (modifier) {
      case PRIVATE -> "the generated dispatch class in the same package must reach it";
      case STATIC -> "it must belong to the module object that the runtime creates";
      default -> "the runtime sets the port after it creates the module object";
    };
  }

  private void checkSignature(
      ExecutableElement method, EndpointKind kind, AnnotationMirror annotation) {
    List<? extends Element> parameters = method.getParameters();
    boolean matches =
        typeChecks.is(method.getReturnType(), kind.memberType())
            && parameters.size() == 1
            && typeChecks.is(parameters.get(0).asType(), "byte[]");
    if (!matches) {
      reporter.error(
          kind.typeTag(),
          method,
          annotation,
          String.format(
              "%s method must be '%s name(byte[] data)'; found '%s'. Change the signature to take"
                  + " exactly one byte[] and return %s.",
              kind.display(), kind.simpleMemberType(), render(method), kind.simpleMemberType()));
    }
  }

  private void checkThrows(
      ExecutableElement method, EndpointKind kind, AnnotationMirror annotation) {
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!typeChecks.isSubtypeOfAny(thrown, "java.lang.Exception", "java.lang.Error")) {
        reporter.error(
            kind.typeTag(),
            method,
            annotation,
            String.format(
                "%s method '%s' may throw only exceptions (subtypes of java.lang.Exception); found"
                    + " 'throws %s'. Catch it inside the method, or declare an Exception instead.",
                kind.display(), method.getSimpleName(), thrown));
      }
    }
  }

  private void checkFieldType(Element field, EndpointKind kind, AnnotationMirror annotation) {
    if (!typeChecks.is(field.asType(), kind.memberType())) {
      reporter.error(
          kind.typeTag(),
          field,
          annotation,
          String.format(
              "%s field must have type %s; found '%s %s'. Change the field type to %s.",
              kind.display(), kind.simpleMemberType(), field.asType(), field.getSimpleName(),
              kind.memberType()));
    }
  }

  private static String render(ExecutableElement method) {
    return method.getParameters().stream()
        .map(parameter -> parameter.asType().toString())
        .collect(
            Collectors.joining(
                ", ", method.getReturnType() + " " + method.getSimpleName() + "(", ")"));
  }
}
