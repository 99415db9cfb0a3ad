package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Resolves a {@link Selection} to items, in descriptor order; unknown names are errors. */
final class Selections {
  private Selections() {}

  static <T> List<T> pick(Selection selection, List<T> items, Function<T, String> name,
      String kind) throws DeployerException {
    if (selection.isAll()) {
      return items;
    }
    List<String> names = items.stream().map(name).toList();
    List<String> unknown = new ArrayList<>();
    for (String wanted : selection.names()) {
      if (!names.contains(wanted)) {
        unknown.add("No " + kind + " with name " + wanted + suggestion(wanted, names));
      }
    }
    if (!unknown.isEmpty()) {
      throw new DeployerException(String.join("; ", unknown) + " (" + kind + "s: "
          + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }
    return items.stream().filter(i -> selection.names().contains(name.apply(i))).toList();
  }

  static String suggestion(String wanted, List<String> names) {
    return Suggestions.closest(wanted, names).map(s -> "; did you mean \"" + s + "\"?").orElse("");
  }
}
