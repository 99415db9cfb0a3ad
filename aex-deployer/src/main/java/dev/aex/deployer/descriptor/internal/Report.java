package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Problem.Severity;
import java.util.Optional;

/** Reports problems of one item of a file. */
public final class Report {
  private final Problems problems;
  private final String item;

  Report(Problems problems, String item) {
    this.problems = problems;
    this.item = item;
  }

  public String item() {
    return item;
  }

  /** A problem with the item as a whole. */
  public void error(String message) {
    problems.add(Severity.ERROR, item, Optional.empty(), message, Optional.empty());
  }

  public void error(String field, String message) {
    problems.add(Severity.ERROR, item, Optional.of(field), message, Optional.empty());
  }

  public void error(String field, String message, Optional<String> suggestion) {
    problems.add(Severity.ERROR, item, Optional.of(field), message, suggestion);
  }

  public void warning(String field, String message, Optional<String> suggestion) {
    problems.add(Severity.WARNING, item, Optional.of(field), message, suggestion);
  }

  /** The number of errors in the whole file so far; compare before and after an item. */
  public int errorCount() {
    return problems.errorCount();
  }
}
