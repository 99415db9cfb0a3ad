package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares generated text with an expected file in {@code src/test/resources/golden/}. On a
 * mismatch it fails with a line diff and writes the actual text to {@code target/golden-actual/},
 * ready to be reviewed and copied over the expected file.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    String expected = expected(name);
    if (actual.equals(expected)) {
      return;
    }
    Path written = Path.of("target", "golden-actual", name);
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual);
    String diff = expected == null ? "(no expected file yet)" : diff(expected, actual);
    fail("golden/%s differs from the generated text (actual in %s); - expected, + actual:%n%s",
        name, written.toAbsolutePath(), diff);
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A line diff through the longest common subsequence; the files are small. */
  static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] = a.get(i).equals(b.get(j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add("  " + a.get(i++));
        j++;
      } else if (j == b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
        out.add("- " + a.get(i++));
      } else {
        out.add("+ " + b.get(j++));
      }
    }
    return String.join("\n", out);
  }
}
