package dev.aex.deployer.descriptor;

import java.util.Optional;

/**
 * One thing wrong (or doubtful) in a descriptor, located by file, item and field, e.g.
 *
 * <pre>
 * res.json: modules[2] "controller": field "node": No node with name "nod1" (declared nodes:
 *     node1, node2); did you mean "node1"?
 * </pre>
 *
 * <p>Messages never contain key material: a bad key is described by its length only.
 *
 * @param severity errors stop the load; warnings (unknown fields the original also ignores) do not
 * @param file the file, as the caller named it
 * @param item the item, e.g. {@code modules[2] "controller"}; empty for the file as a whole
 * @param field the field, when the problem is about one
 * @param message what is wrong and what was expected
 * @param suggestion the name probably meant, for a misspelt name or field
 */
public record Problem(Severity severity, String file, String item, Optional<String> field,
    String message, Optional<String> suggestion) {
  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Checks.nonNull(severity, file, item, field, message, suggestion);
  }

  /** The problem as one line: file, item, field, message and suggestion. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(file).append(": ");
    if (severity == Severity.WARNING) {
      line.append("warning: ");
    }
    if (!item.isEmpty()) {
      line.append(item).append(": ");
    }
    field.ifPresent(f -> line.append("field \"").append(f).append("\": "));
    line.append(message);
    suggestion.ifPresent(s -> line.append("; did you mean \"").append(s).append("\"?"));
    return line.toString();
  }
}
