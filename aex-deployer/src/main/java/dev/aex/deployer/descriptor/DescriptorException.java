package dev.aex.deployer.descriptor;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A descriptor (or manager file, or module manifest) that cannot be used, with every error found in
 * one pass. The message lists them one per line, each naming file, item and field.
 */
public final class DescriptorException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final transient List<Problem> problems;

  /**
   * @param what what the file is, e.g. {@code "deployment descriptor"}
   * @param file the file as the caller named it
   * @param problems the errors, at least one
   * @param warnings the warnings of the same pass, listed after the errors: a misspelt field that
   *     is ignored ({@code periodic_events}) may be what the errors come from
   */
  public DescriptorException(String what, String file, List<Problem> problems,
      List<Problem> warnings) {
    super(render(what, file, problems, warnings));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** The file, as the caller named it. */
  public String file() {
    return file;
  }

  /** Every error found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(String what, String file, List<Problem> problems,
      List<Problem> warnings) {
    if (problems.size() == 1 && problems.get(0).item().isEmpty() && warnings.isEmpty()) {
      return problems.get(0).toString();
    }
    String header = "Bad " + what + " " + file + " (" + count(problems.size(), "error")
        + (warnings.isEmpty() ? "" : ", " + count(warnings.size(), "warning"))
        + (problems.size() + warnings.size() == 1 ? "; fix it" : "; fix them") + " and run again):";
    return Stream.concat(problems.stream(), warnings.stream()).map(p -> "  " + p)
        .collect(Collectors.joining("\n", header + "\n", ""));
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
