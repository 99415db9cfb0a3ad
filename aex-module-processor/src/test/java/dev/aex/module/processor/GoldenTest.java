package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenTest {
  @TempDir Path dir;

  static Stream<Arguments> modules() {
    return Stream.of(
        Arguments.of("fosdem", "Controller", Snippets.CONTROLLER, "controller-module.json"),
        Arguments.of("fosdem.db", "Db", Snippets.DB, "db-module.json"));
  }

  @ParameterizedTest
  @MethodSource("modules")
  void dispatchAndManifest(String packageName, String className, String code, String manifest)
      throws IOException {
    String path = packageName.replace('.', '/') + "/" + className;

    Compilation compilation = Compilation.compile(dir, path + ".java", code);

    // The generated code must compile without a single lint warning.
    assertThat(compilation.success()).as(compilation.describe()).isTrue();
    assertThat(compilation.warnings()).as(compilation.describe()).isEmpty();
    Golden.assertMatches(className + "_AexDispatch.java.txt",
        compilation.generatedSource(path + "_AexDispatch.java"));
    Golden.assertMatches(manifest, compilation.resource(GeneratedFiles.MANIFEST_FILE));
    assertThat(compilation.resource(GeneratedFiles.SERVICE_FILE))
        .isEqualTo(packageName + "." + className + "_AexDispatch\n");
  }

  @Test
  void outputIsTheSameEveryTime() throws IOException {
    Compilation first = Compilation.compile(dir.resolve("a"), "fosdem/db/Db.java", Snippets.DB);
    Compilation second = Compilation.compile(dir.resolve("b"), "fosdem/db/Db.java", Snippets.DB);

    assertThat(second.generatedSource("fosdem/db/Db_AexDispatch.java"))
        .isEqualTo(first.generatedSource("fosdem/db/Db_AexDispatch.java"));
    assertThat(second.resource(GeneratedFiles.MANIFEST_FILE))
        .isEqualTo(first.resource(GeneratedFiles.MANIFEST_FILE));
  }
}
