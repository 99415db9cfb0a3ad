package dev.aex.module.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Annotations that lack their {@code @Module} class: members outside one, held back until the
 * compilation shows whether it has one, and {@code @Module} annotations that javac could not
 * resolve. With a {@code @Module} class, each such member is a mistake of its own. Without one,
 * the missing class is the one mistake: an error for every member would bury it.
 */
final class Strays {
  /**
   * The name and position are taken when the member is found: javac rebuilds member elements
   * every round, and an old one no longer knows its place among the new.
   */
  private record Member(
      Element element, EndpointKind kind, AnnotationMirror annotation, String enclosingName,
      int position) {
    static Member of(Element element, EndpointKind kind, AnnotationMirror annotation) {
      Element enclosing = element.getEnclosingElement();
      return new Member(element, kind, annotation, enclosing.toString(),
          enclosing.getEnclosedElements().indexOf(element));
    }

    String describe() {
      return kind.display() + " '" + element.getSimpleName() + "' in '" + enclosingName + "'";
    }
  }

  /** Class by class, in source order within a class: as a reader of the sources meets them. */
  private static final Comparator<Member> SOURCE_ORDER =
      Comparator.comparing(Member::enclosingName).thenComparingInt(Member::position);

  private final ErrorReporter reporter;
  private final List<Member> members = new ArrayList<>();
  private boolean ambiguousModuleReported;

  Strays(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void addMember(Element member, EndpointKind kind, AnnotationMirror annotation) {
    members.add(Member.of(member, kind, annotation));
  }

  /** Reports the classes among {@code roots} whose {@code @Module} javac could not resolve. */
  void checkModuleAnnotations(Set<? extends Element> roots) {
    for (TypeElement type : ElementFilter.typesIn(roots)) {
      type.getAnnotationMirrors().stream()
          .filter(Strays::isAmbiguousModule)
          .forEach(mirror -> reportAmbiguous(type, mirror));
    }
  }

  /**
   * javac hands an annotation it cannot resolve to processors as an error type named as written.
   * A plain {@code Module} always resolves, to java.lang.Module at worst, unless an import on
   * demand makes it ambiguous; java.lang.Module itself is no annotation and stops javac before
   * any processor runs.
   */
  private static boolean isAmbiguousModule(AnnotationMirror mirror) {
    return mirror.getAnnotationType().getKind() == TypeKind.ERROR
        && Annotations.nameOf(mirror).equals("Module");
  }

  private void reportAmbiguous(TypeElement type, AnnotationMirror annotation) {
    ambiguousModuleReported = true;
    reporter.error("AexAmbiguousModule", type, annotation, String.format(
        "@Module on '%s' does not name %s: an import on demand such as 'import %s*;' makes the"
            + " name Module ambiguous with java.lang.Module, which every file imports implicitly."
            + " Add 'import %s;'.",
        type.getQualifiedName(), Annotations.MODULE, EndpointKind.PACKAGE, Annotations.MODULE));
  }

  /** For a compilation that has a {@code @Module} class: one error per member held so far. */
  void reportOutsideModule() {
    members.stream().sorted(SOURCE_ORDER).forEach(this::reportOutside);
    members.clear();
  }

  /**
   * For a compilation without a {@code @Module} class: one error that says so, unless an
   * ambiguous {@code @Module} already explained why.
   */
  void reportNoModule() {
    if (!ambiguousModuleReported) {
      reporter.error("AexNoModule", "a module folder needs exactly one class annotated @Module,"
          + " and this compilation has none, yet these members belong in one: "
          + members.stream().sorted(SOURCE_ORDER).map(Member::describe)
              .collect(Collectors.joining(", "))
          + ". Add @Module to the class that holds them.");
    }
  }

  private void reportOutside(Member member) {
    String display = member.kind().display();
    reporter.error("AexMemberOutsideModule", member.element(), member.annotation(), String.format(
        "%s is allowed only on members of the class annotated @Module, but '%s' is a member of"
            + " '%s'. Move it into the @Module class, or remove %s.",
        display, member.element().getSimpleName(), member.enclosingName(), display));
  }
}
