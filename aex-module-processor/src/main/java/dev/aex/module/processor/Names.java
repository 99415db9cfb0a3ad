package dev.aex.module.processor;

import java.util.regex.Pattern;

/** Endpoint and module names: the snake_case default and what makes a name valid. */
final class Names {
  private static final Pattern VALID = Pattern.compile("_*[a-z][a-z0-9_]*");

  private Names() {}

  /**
   * The snake_case form of a Java name: {@code buttonPressed} → {@code button_pressed}, {@code
   * getHTTPCount} → {@code get_http_count}, {@code Controller} → {@code controller}. A new word
   * starts at an upper-case letter after a lower-case letter or digit, and at the last upper-case
   * letter of an acronym that a lower-case letter follows.
   */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && startsWord(javaName, i)) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * Whether {@code name} starts with a letter a-z, after any leading underscores, and has only
   * a-z, 0-9 and _. Leading underscores are allowed for the original's state-transfer convention
   * ({@code __save}, {@code __transfer}, {@code __restore}, deployer-reference.md §5.1).
   */
  static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }

  private static boolean startsWord(String name, int upper) {
    char previous = name.charAt(upper - 1);
    boolean lowerFollows =
        upper + 1 < name.length() && Character.isLowerCase(name.charAt(upper + 1));
    return Character.isLowerCase(previous)
        || Character.isDigit(previous)
        || (Character.isUpperCase(previous) && lowerFollows);
  }
}
