package dev.aex.module.processor;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks the class that carries {@code @Module}: the generated dispatch class must be able to
 * create it with {@code new Module()} from the same package, and nothing else.
 */
final class ClassValidator {
  private final TypeChecks typeChecks;
  private final ErrorReporter reporter;

  ClassValidator(TypeChecks typeChecks, ErrorReporter reporter) {
    this.typeChecks = typeChecks;
    this.reporter = reporter;
  }

  void check(TypeElement type, AnnotationMirror annotation) {
    if (type.getKind() != ElementKind.CLASS) {
      String found = type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
      classError(type, annotation, "must be a class; found " + found + ". Use a plain class.");
      return;
    }
    if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      classError(type, annotation, "must be a top-level class, not nested in '"
          + type.getEnclosingElement() + "'. Move it to a file of its own.");
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      classError(type, annotation, "must not be abstract: the runtime creates an object of it."
          + " Remove 'abstract'.");
    }
    if (!type.getTypeParameters().isEmpty()) {
      classError(type, annotation, "must not have type parameters: the runtime creates it without"
          + " type arguments. Remove <" + typeParameters(type) + ">.");
    }
    checkConstructor(type, annotation);
  }

  private static String typeParameters(TypeElement type) {
    return type.getTypeParameters().stream()
        .map(parameter -> parameter.getSimpleName().toString())
        .collect(Collectors.joining(", "));
  }

  private void classError(TypeElement type, AnnotationMirror annotation, String rule) {
    reporter.error("AexModuleClass", type, annotation,
        "@Module class '" + type.getQualifiedName() + "' " + rule);
  }

  private void checkConstructor(TypeElement type, AnnotationMirror annotation) {
    Optional<ExecutableElement> noArgs = ElementFilter.constructorsIn(type.getEnclosedElements())
        .stream()
        .filter(constructor -> constructor.getParameters().isEmpty())
        .filter(constructor -> !constructor.getModifiers().contains(Modifier.PRIVATE))
        .findFirst();
    String simpleName = type.getSimpleName().toString();
    if (noArgs.isEmpty()) {
      reporter.error("AexModuleConstructor", type, annotation, String.format(
          "@Module class '%s' needs a constructor without parameters that is not private: the"
              + " runtime creates the module with it. Add '%s() {}' or make the existing one"
              + " non-private.", simpleName, simpleName));
      return;
    }
    for (TypeMirror thrown : noArgs.get().getThrownTypes()) {
      if (!typeChecks.isSubtypeOfAny(thrown, "java.lang.RuntimeException", "java.lang.Error")) {
        reporter.error("AexModuleConstructor", type, annotation, String.format(
            "the constructor of @Module class '%s' must not throw checked exceptions; found"
                + " 'throws %s'. Catch it inside the constructor.", simpleName, thrown));
      }
    }
  }
}
