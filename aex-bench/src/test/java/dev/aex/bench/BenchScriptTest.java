package dev.aex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code scripts/bench.sh} names harnesses that exist, and says which ones it knows. */
class BenchScriptTest {
  /** A harness line of the script's case statement: {@code   e2e) main=dev.aex...EndToEnd ;;}. */
  private static final Pattern HARNESS = Pattern.compile("(?m)^  ([a-z0-9-]+)\\) main=([\\w.]+) ;;$");

  @Test
  void everyHarnessIsAClassWithAMainMethod() throws Exception {
    Matcher m = HARNESS.matcher(script());
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
      assertThat(Class.forName(m.group(2)).getMethod("main", String[].class))
          .as("main of harness %s", m.group(1)).isNotNull();
    }

    assertThat(names).containsExactly("e2e", "startup", "deploy", "em-memory", "speed", "jmh");
    assertThat(script()).contains("(expected: e2e, jmh, startup, deploy, em-memory or speed)");
    for (String name : names) {
      assertThat(script()).as("the script's usage of %s", name)
          .contains("#   bash scripts/bench.sh " + name);
    }
  }

  private static String script() throws IOException {
    return Files.readString(Path.of("..", "scripts", "bench.sh"));
  }
}
