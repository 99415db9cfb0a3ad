package dev.aex.module.processor;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Module} class and every annotated member, reporting all mistakes, and builds
 * the model of a class without any. A mistake gives up on this class only.
 */
final class ModuleValidator {
  private record Marked(EndpointKind kind, AnnotationMirror annotation) {}

  private final Elements elements;
  private final ClassValidator classes;
  private final MemberValidator members;
  private final ErrorReporter reporter;

  ModuleValidator(Elements elements, TypeChecks typeChecks, ErrorReporter reporter) {
    this.elements = elements;
    this.classes = new ClassValidator(typeChecks, reporter);
    this.members = new MemberValidator(typeChecks, reporter);
    this.reporter = reporter;
  }

  /** The model of {@code type}, or empty if it has mistakes (all of them reported). */
  Optional<ModuleModel> validate(TypeElement type, AnnotationMirror annotation) {
    int errorsBefore = reporter.errorCount();
    classes.check(type, annotation);
    String name = name(type, annotation, "module", "@Module");
    List<EndpointModel> endpoints = endpoints(type);
    if (reporter.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    boolean concurrent = (Boolean) Annotations.value(elements, annotation, "concurrent");
    String className = type.getSimpleName().toString();
    return Optional.of(new ModuleModel(packageName, className, name, concurrent, endpoints));
  }

  private List<EndpointModel> endpoints(TypeElement type) {
    EndpointTable table = new EndpointTable(reporter);
    for (Element member : type.getEnclosedElements()) {
      List<Marked> marks = marks(member);
      if (marks.isEmpty()) {
        continue;
      }
      Marked first = marks.get(0);
      marks.stream().skip(1).forEach(extra -> reportConflict(member, first, extra));
      members.check(member, first.kind(), first.annotation());
      String name = name(member, first.annotation(), first.kind().label(), first.kind().display());
      table.add(first.kind(), name, member, first.annotation());
    }
    return table.endpoints();
  }

  private static List<Marked> marks(Element member) {
    return member.getAnnotationMirrors().stream()
        .<Marked>mapMulti((mirror, out) -> EndpointKind.byAnnotation(Annotations.nameOf(mirror))
            .ifPresent(kind -> out.accept(new Marked(kind, mirror))))
        .toList();
  }

  private void reportConflict(Element member, Marked first, Marked extra) {
    reporter.error("AexConflictingAnnotations", member, extra.annotation(), String.format(
        "'%s' has both %s and %s, but a member can be only one kind of endpoint. Remove one of"
            + " them, or split the member in two.",
        member.getSimpleName(), first.kind().display(), extra.kind().display()));
  }

  /** The annotation's name, or the Java name in snake_case; reports it if it is not valid. */
  private String name(Element element, AnnotationMirror annotation, String label, String display) {
    String explicit = (String) Annotations.value(elements, annotation, "value");
    String javaName = element.getSimpleName().toString();
    String name = explicit.isEmpty() ? Names.snakeCase(javaName) : explicit;
    if (!Names.isValid(name)) {
      String origin = explicit.isEmpty() ? ", made from the Java name '" + javaName + "'," : "";
      String fix = explicit.isEmpty()
          ? "Give a valid name explicitly, as in " + display + "(\"my_name\")."
          : "Change the name in " + display + "(\"" + name + "\").";
      reporter.error("AexName", element, annotation, String.format(
          "%s name '%s'%s is not valid: a name must start with a letter a-z (after any"
              + " leading _) and contain only a-z, 0-9 and _. %s", label, name, origin, fix));
    }
    return name;
  }
}
