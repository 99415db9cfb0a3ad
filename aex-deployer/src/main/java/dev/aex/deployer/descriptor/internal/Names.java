package dev.aex.deployer.descriptor.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names declared in one top-level list, for reference checks. Items count as declared even
 * when they have other errors, so that a bad module does not also make every reference to it fail.
 */
final class Names {
  private final String what;
  private final Map<String, String> firstLabel = new LinkedHashMap<>();

  /** Declares the names of {@code items}, reporting each name declared twice. */
  Names(String what, List<? extends Parsed<?>> items, Problems problems) {
    this.what = what;
    for (Parsed<?> p : items) {
      p.item().name().ifPresent(name -> {
        String first = firstLabel.putIfAbsent(name, p.item().label());
        if (first != null) {
          problems.at(p.item().label()).error("name", "duplicate " + what + " name \"" + name
              + "\" (first declared at " + first + "); give each " + what + " its own name");
        }
      });
    }
  }

  Set<String> all() {
    return firstLabel.keySet();
  }

  /** Reports {@code field} of {@code report}'s item if it names no declared item. */
  boolean check(Report report, String field, Optional<String> name) {
    if (name.isEmpty() || firstLabel.containsKey(name.get())) {
      return name.isPresent();
    }
    String declared = firstLabel.isEmpty() ? "none" : String.join(", ", firstLabel.keySet());
    report.error(field, "No " + what + " with name \"" + name.get() + "\" (declared " + what
        + "s: " + declared + ")", Suggestions.closest(name.get(), firstLabel.keySet()));
    return false;
  }
}
