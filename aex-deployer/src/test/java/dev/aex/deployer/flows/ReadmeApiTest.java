package dev.aex.deployer.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.deployer.Deployer;
import dev.aex.deployer.DeployerSettings;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's API examples call only methods that exist. */
class ReadmeApiTest {
  @Test
  void theApiExampleMatchesTheCode() throws Exception {
    String readme = Files.readString(Path.of("README.md")); // Surefire runs in the module folder
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    StringBuilder all = new StringBuilder();
    String first = "";
    while (block.find()) {
      first = first.isEmpty() ? block.group(1) : first;
      all.append(block.group(1));
    }
    String code = all.toString();
    assertCalls(code, "\\b(?:deployer|counter)\\.(\\w+)\\(", Deployer.class);
    assertCalls(first, "\\.(with\\w+)\\(", DeployerSettings.class);
    assertThat(code).contains("Deployer.open(").contains("DeployerSettings.defaults(");
  }

  private static void assertCalls(String code, String regex, Class<?> type) {
    Set<String> methods = Arrays.stream(type.getMethods()).map(Method::getName)
        .collect(Collectors.toSet());
    Matcher call = Pattern.compile(regex).matcher(code);
    int found = 0;
    while (call.find()) {
      assertThat(methods).as("%s in the README example", call.group(1)).contains(call.group(1));
      found++;
    }
    assertThat(found).isPositive();
  }
}
