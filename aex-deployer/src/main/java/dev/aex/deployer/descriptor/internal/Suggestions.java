package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.ModuleData;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean …?": the closest known name within a small edit distance. */
public final class Suggestions {
  /** Edits (insert, delete, substitute) that still count as a misspelling. */
  static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, if it differs by at most {@value #MAX_DISTANCE} edits
   * (ignoring case) and by fewer edits than the word is long, so short words do not match
   * everything. Ties go to the earlier candidate.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = word.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (!candidate.equals(word) && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    boolean close = bestDistance <= MAX_DISTANCE && bestDistance < word.length();
    return close ? Optional.of(best) : Optional.empty();
  }

  /**
   * {@code ; "name" is an input} for each other kind of endpoint that {@code data} has called
   * {@code name}: a name given to the wrong kind.
   */
  public static String otherKinds(ModuleData data, String name, EndpointKind kind) {
    return data.kindsNamed(name, kind).stream()
        .map(k -> "; \"" + name + "\" is " + k.withArticle())
        .collect(Collectors.joining());
  }

  /** Levenshtein distance, with two rolling rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
