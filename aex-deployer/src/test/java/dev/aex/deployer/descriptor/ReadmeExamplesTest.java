package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's JSON and YAML examples are valid and describe the same deployment. */
class ReadmeExamplesTest {
  private static String block(String readme, String language) {
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("a ```%s block in README.md", language).isTrue();
    return m.group(1);
  }

  @Test
  void jsonAndYamlExamplesAgree() throws Exception {
    // Surefire runs in the module folder.
    String readme = Files.readString(Path.of("README.md"));
    LoadedDescriptor json = Fixture.load(block(readme, "json"));
    LoadedDescriptor yaml = Fixture.load(block(readme, "yaml"));
    assertThat(json.format()).isEqualTo(DescriptorFormat.JSON);
    assertThat(yaml.format()).isEqualTo(DescriptorFormat.YAML);
    assertThat(yaml.descriptor()).isEqualTo(json.descriptor());
    assertThat(json.descriptor().connections()).hasSize(2);
  }
}
