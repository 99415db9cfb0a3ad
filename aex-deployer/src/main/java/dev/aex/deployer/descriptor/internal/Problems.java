package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.Problem;
import dev.aex.deployer.descriptor.Problem.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects the problems of one file, so that one pass reports all of them. */
public final class Problems {
  private static final List<String> SECTIONS =
      List.of("manager", "nodes", "modules", "connections", "periodic-events");
  private static final Comparator<Problem> FILE_ORDER =
      Comparator.comparingInt(Problems::section).thenComparingInt(Problems::index);

  private final String file;
  private final List<Problem> all = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  /** A reporter for one item, e.g. {@code modules[2] "controller"}. */
  public Report at(String item) {
    return new Report(this, item);
  }

  /** A reporter for the file as a whole. */
  public Report file() {
    return new Report(this, "");
  }

  public int errorCount() {
    return (int) all.stream().filter(p -> p.severity() == Severity.ERROR).count();
  }

  public List<Problem> warnings() {
    return all.stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }

  /** @throws DescriptorException listing every error, if there is one */
  public void throwIfErrors(String what) throws DescriptorException {
    if (errorCount() > 0) {
      throw toException(what);
    }
  }

  /**
   * The errors so far, in file order, as an exception, the warnings after them; call when there
   * is at least one error.
   */
  public DescriptorException toException(String what) {
    return new DescriptorException(what, file, all.stream()
        .filter(p -> p.severity() == Severity.ERROR).sorted(FILE_ORDER).toList(),
        warnings().stream().sorted(FILE_ORDER).toList());
  }

  /**
   * Items are checked twice (alone, then against each other), so problems arrive out of order;
   * users read them in file order. A stable sort keeps each item's fields in check order.
   */
  private static int section(Problem p) {
    String item = p.item();
    for (int i = 0; i < SECTIONS.size(); i++) {
      if (item.equals(SECTIONS.get(i)) || item.startsWith(SECTIONS.get(i) + "[")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int index(Problem p) {
    int open = p.item().indexOf('[');
    int close = p.item().indexOf(']');
    return open < 0 || close < open ? -1 : Integer.parseInt(p.item().substring(open + 1, close));
  }

  void add(Severity severity, String item, Optional<String> field, String message,
      Optional<String> suggestion) {
    all.add(new Problem(severity, file, item, field, message, suggestion));
  }
}
