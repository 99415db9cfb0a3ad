package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentTest {
  private static final String KEY_HEX = "00112233445566778899aabbccddeeff";

  @Test
  void parsesEveryKeyAndDefaultsTheOptionalOnes() throws Exception {
    Deployment minimal = Deployment.fromProperties(properties("module.id=3", "em.port=5000"));
    assertThat(minimal.moduleId()).isEqualTo(3);
    assertThat(minimal.modulePort()).isEqualTo(5003);
    assertThat(minimal.legacy()).isFalse();
    assertThat(minimal.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(minimal.moduleKey()).isEqualTo(SymmetricKey.copyOf(HexFormat.of().parseHex(KEY_HEX)));

    assertThat(minimal.originalControl()).isFalse();

    Deployment full = Deployment.fromProperties(properties("module.id=3", "em.port=5000",
        "legacy=true", "original.control=true", "request.timeout.ms=250"));
    assertThat(full.legacy()).isTrue();
    assertThat(full.originalControl()).isTrue();
    assertThat(full.requestTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void originalControlNeedsLegacyConnections() {
    assertThatThrownBy(() -> Deployment.fromProperties(
        properties("module.id=3", "em.port=5000", "original.control=true")))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("original control layouts without legacy connections");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "module.id=0        | module.id: \"0\" (expected: an integer 1..65535)",
        "module.id=x        | module.id: \"x\"",
        "em.port=70000      | em.port: \"70000\"",
        "legacy=yes         | legacy: \"yes\" (expected: true or false)",
        "request.timeout.ms=-1 | request.timeout.ms: \"-1\"",
        "legasy=true        | unknown keys [legasy]",
        "em.port=65535      | = 65536 (expected: <= 65535)",
      })
  void badValuesNameTheKeyAndTheValue(String line, String message) {
    assertThatThrownBy(() -> Deployment.fromProperties(properties("module.id=1", "em.port=5000", line.strip())))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining(message.strip());
  }

  @Test
  void aMissingKeyIsNamed() {
    Properties p = properties("module.id=1", "em.port=5000");
    p.remove("em.port");
    assertThatThrownBy(() -> Deployment.fromProperties(p)).hasMessageContaining("em.port missing");
  }

  @Test
  void aBadKeyIsReportedWithoutItsValue() {
    String almost = KEY_HEX.substring(0, 31) + "g";
    Properties p = properties("module.id=1", "em.port=5000");
    p.setProperty("module.key", almost);
    assertThatThrownBy(() -> Deployment.fromProperties(p))
        .hasMessageContaining("module.key: 32 characters, value not shown")
        .message()
        .doesNotContain(almost.substring(0, 8));
  }

  @Test
  void toStringNeverShowsTheKey() throws Exception {
    Deployment deployment = Deployment.fromProperties(properties("module.id=1", "em.port=5000"));
    assertThat(deployment.toString()).contains("redacted").doesNotContain(KEY_HEX, "00112233");
  }

  @Test
  void loadsTheStampedResource(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(Deployment.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "module.id=7\nem.port=6000\nmodule.key=" + KEY_HEX + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(Deployment.load(loader).modulePort()).isEqualTo(6007);
    }
  }

  @Test
  void aMissingResourceSaysTheModuleWasNotStamped(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> Deployment.load(loader))
          .isInstanceOf(DeploymentException.class)
          .hasMessageContaining("not found")
          .hasMessageContaining("stamped");
    }
  }

  private static Properties properties(String... lines) {
    Properties p = new Properties();
    p.setProperty("module.key", KEY_HEX);
    for (String line : lines) {
      int eq = line.indexOf('=');
      p.setProperty(line.substring(0, eq), line.substring(eq + 1));
    }
    return p;
  }
}
