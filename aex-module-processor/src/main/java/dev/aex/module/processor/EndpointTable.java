package dev.aex.module.processor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Numbers a module's endpoints in source order within each kind, as the original system does,
 * and rejects a name used twice within a kind or a kind with more members than its id range.
 */
final class EndpointTable {
  private final ErrorReporter reporter;
  private final Map<EndpointKind, Map<String, Element>> namesByKind =
      new EnumMap<>(EndpointKind.class);
  private final List<EndpointModel> endpoints = new ArrayList<>();

  EndpointTable(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void add(EndpointKind kind, String name, Element member, AnnotationMirror annotation) {
    Map<String, Element> names = namesByKind.computeIfAbsent(kind, k -> new HashMap<>());
    Element first = names.putIfAbsent(name, member);
    if (first != null) {
      reportDuplicate(kind, name, member, first, annotation);
      return;
    }
    int index = names.size() - 1;
    // Report the first member past the range only: one error says it all.
    if (index == kind.capacity()) {
      reportTooMany(kind, member, annotation);
    }
    String javaName = member.getSimpleName().toString();
    endpoints.add(new EndpointModel(kind, name, kind.firstId() + index, javaName));
  }

  List<EndpointModel> endpoints() {
    return List.copyOf(endpoints);
  }

  private void reportDuplicate(
      EndpointKind kind, String name, Element member, Element first, AnnotationMirror annotation) {
    reporter.error(
        "AexDuplicateName",
        member,
        annotation,
        String.format(
            "%s name '%s' of '%s' is already the name of '%s'; names must be unique among the"
                + " %s of a module. Rename one of them, e.g. %s(\"%s_2\").",
            kind.label(), name, member.getSimpleName(), first.getSimpleName(), kind.jsonKey(),
            kind.display(), name));
  }

  private void reportTooMany(EndpointKind kind, Element member, AnnotationMirror annotation) {
    reporter.error(
        "AexTooManyEndpoints",
        member,
        annotation,
        String.format(
            "a module can have at most %d %s (ids %d to %d); '%s' is one too many. Split the"
                + " module into several modules.",
            kind.capacity(), kind.jsonKey(), kind.firstId(), kind.firstId() + kind.capacity() - 1,
            member.getSimpleName()));
  }
}
