package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.em.SgxLoading;
import dev.aex.wire.Bytes;
import dev.aex.wire.ModuleEnvironment;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SGX Load's bundle and how its module starts: only the two expected files are unpacked, a
 * simulation build does not start under Gramine, and without gramine-sgx the error says what to
 * install or how to run in simulation.
 */
class SgxLoadingTest {
  @TempDir Path dir;

  @Test
  void unpacksTheJarTheSignedManifestAndTheSignature() throws Exception {
    Path folder = dir.resolve("sm0");
    SgxBundle.unpack(zip("module.jar", "module.manifest.sgx"), Bytes.of(new byte[] {1, 2}), folder);

    assertThat(folder.resolve("module.jar")).hasContent("module.jar");
    assertThat(folder.resolve("module.manifest.sgx")).exists();
    assertThat(Files.readAllBytes(folder.resolve("module.sig"))).containsExactly(1, 2);
  }

  @Test
  void refusesAnyOtherEntryAndABundleWithoutAJar() throws Exception {
    assertThatThrownBy(() -> SgxBundle.unpack(zip("module.jar", "../escape"), Bytes.of(new byte[0]),
        dir.resolve("a")))
        .hasMessageStartingWith("bundle entry \"../escape\" (expected: module.jar and module.manifest.sgx");
    assertThatThrownBy(() -> SgxBundle.unpack(zip("module.manifest.sgx"), Bytes.of(new byte[0]),
        dir.resolve("b")))
        .hasMessageContaining("bundle without module.jar");
    assertThatThrownBy(() -> SgxBundle.unpack(Bytes.of("#!/bin/sh".getBytes()), Bytes.of(new byte[0]),
        dir.resolve("c")))
        .hasMessageContaining("bundle without module.jar");
    assertThat(dir.resolve("escape")).doesNotExist();
  }

  @Test
  void simulationStartsTheJarWithTheMarker() throws Exception {
    ProcessBuilder b = SgxStarter.command(SgxLoading.SIMULATION, dir, List.of());

    assertThat(b.command()).endsWith("-jar", dir.resolve("module.jar").toString())
        .contains("-Xmx64m", SgxStarter.NATIVE_TRIM); // this Java is 21.0.1 or later
    assertThat(b.environment()).containsEntry("AEX_SGX", "simulation")
        .containsEntry(ModuleEnvironment.EXIT_WITH_STDIN, "1");
    assertThat(b.directory()).isEqualTo(dir.toFile());
  }

  /**
   * A simulated enclave runs with a native module's flags, which live in the module launcher
   * (aex-module-builder) and, for the trim flag, in .mvn/find-jdk.sh: the three stay equal.
   */
  @Test
  void simulationUsesTheFlagsOfTheModuleLauncher() throws Exception {
    String launcher = Files.readString(Path.of("..", "aex-module-builder", "src", "main", "resources",
        "dev", "aex", "module", "build", "launcher-tail.sh"));
    Matcher exec = Pattern.compile("(?m)^exec \"\\$JAVA_HOME/bin/java\" (.*?) \\\\$").matcher(launcher);
    assertThat(exec.find()).as("the launcher's exec line").isTrue();
    Matcher trim = Pattern.compile("echo \"(-XX:TrimNativeHeapInterval=\\d+)\"")
        .matcher(Files.readString(Path.of("..", ".mvn", "find-jdk.sh")));
    assertThat(trim.find()).as("find-jdk.sh's trim flag").isTrue();

    List<String> command = SgxStarter.command(SgxLoading.SIMULATION, dir, List.of()).command();

    List<String> expected = new ArrayList<>(List.of(exec.group(1).split(" ")));
    expected.add(trim.group(1));
    assertThat(command.subList(1, command.indexOf("-jar"))).containsExactlyElementsOf(expected);
    assertThat(SgxStarter.NATIVE_TRIM).isEqualTo(trim.group(1));
  }

  @Test
  void theNativeTrimFlagIsForJava21Point0Point1AndLater() {
    assertThat(SgxStarter.hasNativeTrim(Runtime.Version.parse("21"))).isFalse();
    assertThat(SgxStarter.hasNativeTrim(Runtime.Version.parse("21-ea"))).isFalse();
    assertThat(SgxStarter.hasNativeTrim(Runtime.Version.parse("21.0.1"))).isTrue();
    assertThat(SgxStarter.hasNativeTrim(Runtime.Version.parse("22"))).isTrue();
    assertThat(SgxStarter.hasNativeTrim(Runtime.Version.parse("25.0.3+9-LTS"))).isTrue();
  }

  @Test
  void gramineNeedsASignedManifestAndGramineSgx() throws Exception {
    assertThatThrownBy(() -> SgxStarter.command(SgxLoading.GRAMINE, dir, List.of()))
        .hasMessageContaining("no module.manifest.sgx: it was built for simulation")
        .hasMessageContaining("--sgx simulation");
    Files.writeString(dir.resolve("module.manifest.sgx"), "signed");
    Files.write(dir.resolve("module.sig"), new byte[1808]);
    assertThatThrownBy(() -> SgxStarter.command(SgxLoading.GRAMINE, dir, List.of(dir)))
        .hasMessageStartingWith("gramine-sgx not found on the PATH: install Gramine with SGX support")
        .hasMessageContaining("--sgx simulation (INSECURE)");

    Path tool = dir.resolve("gramine-sgx");
    Files.writeString(tool, "#!/bin/sh\n");
    tool.toFile().setExecutable(true);
    ProcessBuilder b = SgxStarter.command(SgxLoading.GRAMINE, dir, List.of(dir));
    assertThat(b.command()).containsExactly(tool.toString(), "module");
    assertThat(b.environment()).containsEntry("AEX_SGX", "gramine")
        .doesNotContainKey(ModuleEnvironment.EXIT_WITH_STDIN);
  }

  /** An event manager for real SGX started without a word where gramine-sgx is missing. */
  @Test
  void anEventManagerForGramineWithoutGramineSgxWarnsAtStart() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-path"));
    assertThat(loader(SgxLoading.GRAMINE, empty).startupWarning()).hasValueSatisfying(w ->
        assertThat(w).startsWith("gramine-sgx is not on the PATH: every SGX Load will fail"));
    assertThat(loader(SgxLoading.SIMULATION, empty).startupWarning()).isEmpty();

    Path tool = Files.writeString(empty.resolve("gramine-sgx"), "#!/bin/sh\n");
    tool.toFile().setExecutable(true);
    assertThat(loader(SgxLoading.GRAMINE, empty).startupWarning()).isEmpty();
  }

  private ModuleLoader loader(SgxLoading loading, Path path) {
    return new ModuleLoader(new ModuleTable(id -> { }), dir, () -> 5000,
        java.time.Duration.ofSeconds(1), java.util.Optional.of(loading), List.of(path));
  }

  @Test
  void aBundleThatUnpacksBeyondTheBoundIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(SgxBundle.JAR));
      byte[] zeros = new byte[1024 * 1024];
      for (long n = 0; n <= SgxBundle.MAX_UNPACKED; n += zeros.length) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(bytes.size()).as("a small Load").isLessThan(1024 * 1024);

    assertThatThrownBy(() -> SgxBundle.unpack(Bytes.of(bytes.toByteArray()), Bytes.of(new byte[0]),
        dir.resolve("bomb")))
        .hasMessageStartingWith("bundle unpacks to more than 268435456 bytes");
  }

  private static Bytes zip(String... names) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(name.getBytes());
        zip.closeEntry();
      }
    }
    return Bytes.of(bytes.toByteArray());
  }
}
