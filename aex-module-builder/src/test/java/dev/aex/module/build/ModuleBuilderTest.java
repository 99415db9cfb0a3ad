package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleBuilderTest {
  private static final SymmetricKey KEY = SymmetricKey.random16();

  @TempDir Path out;

  @Test
  void buildsASelfExecutingJarWithTheStampAndTheManifest() throws Exception {
    BuiltModule built = ModuleBuilder.build(TestModules.folder("counter"),
        ModuleStamp.of(3, 5000, KEY), out.resolve("counter"));

    byte[] binary = Files.readAllBytes(built.binary());
    assertThat(new String(binary, 0, 10, StandardCharsets.US_ASCII)).isEqualTo("#!/bin/sh\n");
    // The binary holds the module key: readable and runnable by its owner only (it was 0755).
    assertThat(Files.getPosixFilePermissions(built.binary())).containsExactlyInAnyOrder(
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    assertThat(built.manifestJson()).contains("\"increment\"", "\"counted\"", "\"get_count\"", "\"reset\"");
    try (JarFile jar = new JarFile(built.binary().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(ExecutableJar.MAIN_CLASS);
      assertThat(jar.getEntry("demo/Counter.class")).isNotNull();
      assertThat(jar.getEntry("demo/Greeting.class")).isNotNull();
      assertThat(jar.getEntry("demo/Counter_AexDispatch.class")).isNotNull();
      assertThat(jar.getEntry("dev/aex/module/runtime/ModuleMain.class")).isNotNull();
      assertThat(jar.getEntry("dev/aex/crypto/secure/SecureAesGcm.class")).isNotNull();
      assertThat(jar.getEntry("module-info.class")).isNull();
      Properties stamp = new Properties();
      stamp.load(jar.getInputStream(jar.getEntry(ModuleBuilder.STAMP)));
      assertThat(stamp).containsEntry("module.id", "3").containsEntry("em.port", "5000")
          .containsEntry("module.key", HexFormat.of().formatHex(KEY.revealBytes()))
          .containsEntry("legacy", "false").containsEntry("original.control", "false");
    }
  }

  /** What the deployer checks before it loads a binary built earlier against its result file. */
  @Test
  void theStampReadsBackFromTheBinary() throws Exception {
    ModuleStamp stamp = ModuleStamp.of(3, 5000, KEY).withLegacy();
    BuiltModule built = ModuleBuilder.build(TestModules.folder("counter"), stamp,
        out.resolve("counter"));
    assertThat(ModuleStamp.readFrom(built.binary())).contains(stamp);

    Path text = Files.writeString(out.resolve("text"), "#!/bin/sh\necho not a jar\n");
    assertThat(ModuleStamp.readFrom(text)).isEmpty();
    SgxBuiltModule sgx = ModuleBuilder.buildSgx(TestModules.folder("counter"), stamp,
        SgxOptions.forSimulation(), out.resolve("sgx"));
    assertThat(ModuleStamp.readFrom(sgx.jar())).isEmpty();
    assertThatThrownBy(() -> ModuleStamp.readFrom(out.resolve("missing")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void equalInputsGiveIdenticalBinaries() throws Exception {
    ModuleStamp stamp = ModuleStamp.of(3, 5000, KEY);
    BuiltModule first = ModuleBuilder.build(TestModules.folder("counter"), stamp, out.resolve("a"));
    BuiltModule second = ModuleBuilder.build(TestModules.folder("counter"), stamp, out.resolve("b"));
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(Files.readAllBytes(second.binary())).isEqualTo(Files.readAllBytes(first.binary()));
  }

  /**
   * A build works beside its output, not in $TMPDIR (where a JVM stopped mid-build, Ctrl-C during
   * aex up, left its folder for good), and removes what a build cut short left there an hour ago
   * or more; a younger one may be another build's.
   */
  @Test
  void aBuildWorksBesideItsOutputAndRemovesWhatAnInterruptedOneLeft() throws Exception {
    Path folder = Files.createDirectories(out.resolve("beside"));
    Path abandoned = Files.createDirectories(folder.resolve(".aex-work-1"));
    Files.writeString(abandoned.resolve("Half.class"), "");
    Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
    Path underWay = Files.createDirectories(folder.resolve(".aex-work-2"));

    ModuleBuilder.build(TestModules.folder("counter"), ModuleStamp.of(3, 5000, KEY),
        folder.resolve("counter"));

    try (var left = Files.list(folder)) {
      assertThat(left).containsExactlyInAnyOrder(folder.resolve("counter"), underWay);
    }
  }

  @Test
  void compileErrorsNameTheFileAndLine() {
    assertThatThrownBy(() -> ModuleBuilder.build(TestModules.folder("broken"),
            ModuleStamp.of(1, 5000, KEY), out.resolve("broken")))
        .isInstanceOf(ModuleBuildException.class)
        .hasMessageContaining("does not compile")
        .hasMessageContaining("Broken.java:6:")
        .hasMessageContaining("[AexInputSignature]");
  }

  @Test
  void bundlesLibrariesFromTheLibFolder() throws Exception {
    Path folder = TestModules.copy("uses-lib", out.resolve("src"));
    TestModules.writeLibrary(folder.resolve("lib/shout.jar"), "shout.Upper", """
        package shout;
        public final class Upper {
          public static byte[] of(byte[] data) {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8).toUpperCase()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
        }
        """);
    BuiltModule built = ModuleBuilder.build(folder, ModuleStamp.of(1, 5000, KEY), out.resolve("shout"));
    try (JarFile jar = new JarFile(built.binary().toFile())) {
      assertThat(jar.getEntry("shout/Upper.class")).isNotNull();
    }
  }

  @Test
  void aMissingFolderOrOneWithoutSourcesIsAClearError() throws IOException {
    assertThatThrownBy(() -> ModuleBuilder.build(out.resolve("nope"), ModuleStamp.of(1, 5000, KEY),
            out.resolve("x")))
        .hasMessageContaining("does not exist");
    Files.createDirectories(out.resolve("empty"));
    assertThatThrownBy(() -> ModuleBuilder.build(out.resolve("empty"), ModuleStamp.of(1, 5000, KEY),
            out.resolve("x")))
        .hasMessageContaining("has no .java files");
  }

  /** It said "is the aex annotation processor on the processor path?", which the builder sets. */
  @Test
  void aFolderWithoutAModuleClassSaysSo() throws IOException {
    Path folder = out.resolve("plain");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("M.java"), "package t; public final class M {}\n");
    assertThatThrownBy(() -> ModuleBuilder.build(folder, ModuleStamp.of(1, 5000, KEY),
            out.resolve("x")))
        .hasMessageContaining("compiled, but no class in it is annotated @Module");
  }

  /** Only src/main/java was compiled; a Module class directly in the folder was left out. */
  @Test
  void javaFilesInBothPlacesAreRefused() throws IOException {
    Path folder = out.resolve("both");
    Files.createDirectories(folder.resolve("src/main/java/t"));
    Files.writeString(folder.resolve("src/main/java/t/M.java"), "package t; public class M {}\n");
    Files.writeString(folder.resolve("M2.java"), "package t; public class M2 {}\n");
    assertThatThrownBy(() -> ModuleBuilder.build(folder, ModuleStamp.of(1, 5000, KEY),
            out.resolve("x")))
        .hasMessageContaining("has .java files both under src/main/java and directly in the"
            + " folder (M2.java)");
  }

  @Test
  void stampsAreCheckedAndNeverPrintTheKey() {
    assertThatThrownBy(() -> ModuleStamp.of(0, 5000, KEY)).hasMessageContaining("module id: 0");
    assertThatThrownBy(() -> ModuleStamp.of(10, 65530, KEY)).hasMessageContaining("not a TCP port");
    assertThat(ModuleStamp.of(1, 5000, KEY).toString())
        .doesNotContain(HexFormat.of().formatHex(KEY.revealBytes())).contains("redacted");
  }
}
