package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module that docs/modules.md opens with builds, into the manifest the page shows for it. */
class DocsExampleTest {
  private static final Path PAGE = Path.of("..", "docs", "modules.md");

  @TempDir Path dir;

  @Test
  void theGuidesModuleBuildsIntoTheManifestItShows() throws Exception {
    String page = Files.readString(PAGE);
    Path folder = dir.resolve("counter");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("Counter.java"), firstBlock(page, "java"));

    BuiltModule built = ModuleBuilder.build(folder,
        ModuleStamp.of(1, 5000, SymmetricKey.random16()), dir.resolve("build"));

    // No string in either has a space, so without white space the two must be the same text.
    assertThat(withoutSpace(built.manifestJson())).isEqualTo(withoutSpace(firstBlock(page, "json")));
  }

  private static String firstBlock(String page, String language) throws IOException {
    Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(page);
    if (!block.find()) {
      throw new IOException(PAGE + " has no " + language + " block");
    }
    return block.group(1);
  }

  private static String withoutSpace(String json) {
    return json.replaceAll("\\s", "");
  }
}
