package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.testing.FakeEm;
import dev.aex.module.testing.ModuleClient;
import dev.aex.testkit.Vectors;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module folder with a pom.xml: Maven fetches its runtime dependencies, which are bundled. */
class PomModuleTest {
  private static String previousMaven;

  @TempDir Path out;

  @BeforeAll
  static void useTheProjectsMavenWrapper() {
    previousMaven = System.setProperty("aex.maven", Vectors.projectRoot().resolve("mvnw").toString());
  }

  @AfterAll
  static void restore() {
    if (previousMaven == null) {
      System.clearProperty("aex.maven");
    } else {
      System.setProperty("aex.maven", previousMaven);
    }
  }

  @Test
  void theDependenciesOfThePomAreBundledAndWork() throws Exception {
    try (FakeEm em = new FakeEm()) {
      Path folder = TestModules.copy("uses-pom", out.resolve("src"));
      ModuleStamp stamp = ModuleStamp.of(1, em.port(), SymmetricKey.random16());
      int port = em.port() + 1;
      BuiltModule built = ModuleBuilder.build(folder, stamp, out.resolve("status"));
      try (JarFile jar = new JarFile(built.binary().toFile())) {
        assertThat(jar.getEntry("com/fasterxml/jackson/core/JsonFactory.class")).isNotNull();
      }
      try (ModuleProcess module = ModuleProcess.start(built.binary(), port, env -> {})) {
        assertThat(ModuleClient.call(port, 5, new byte[3])).isEqualTo(
            new ResultMessage(ResultCode.OK, Bytes.of("{\"args\":3}".getBytes(StandardCharsets.UTF_8))));
        assertThat(module.isAlive()).isTrue();
      }
    }
  }

  @Test
  void aDependencyMavenCannotFindIsAClearError() throws Exception {
    Path folder = TestModules.copy("uses-pom", out.resolve("src"));
    Path pom = folder.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("<version>2.23.0</version>",
        "<version>0.0.0-does-not-exist</version>"));

    assertThatThrownBy(() -> ModuleBuilder.build(folder, ModuleStamp.of(1, 5000, SymmetricKey.random16()),
            out.resolve("status")))
        .isInstanceOf(ModuleBuildException.class)
        .hasMessageContaining("Maven could not fetch the dependencies of " + pom)
        .hasMessageContaining("0.0.0-does-not-exist");
  }
}
