package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.runtime.SimulatedQuoteSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SGX builds: the simulation's jar, bundle and measurement; the Gramine manifest text; a real
 * build against stand-ins of Gramine's tools (Gramine is not installed where these tests run), and
 * the messages when they are missing or fail.
 */
class SgxBuildTest {
  @TempDir Path dir;

  @Test
  void aSimulationBuildMeasuresItsJarAndStampsNoKey() throws Exception {
    SgxBuiltModule built = ModuleBuilder.buildSgx(TestModules.folder("counter"),
        ModuleStamp.of(3, 5000, SymmetricKey.random16()), SgxOptions.forSimulation(), dir);

    byte[] jar = Files.readAllBytes(built.jar());
    assertThat(built.simulated()).isTrue();
    assertThat(built.signature()).isEmpty();
    assertThat(built.mrEnclave()).isEqualTo(SimulatedQuoteSource.measure(jar));
    assertThat(built.mrSigner()).isEqualTo(SimulatedQuoteSource.MR_SIGNER);
    assertThat(bundleEntries(built.bundle())).containsExactly("module.jar");
    try (JarFile file = new JarFile(built.jar().toFile())) {
      String stamp = new String(file.getInputStream(file.getEntry(ModuleBuilder.STAMP))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertThat(stamp).contains("attestation=sgx").contains("module.id=3").doesNotContain("module.key");
      assertThat(file.getEntry("dev/aex/attestation/simulation/SimulatedQuoter.class")).isNotNull();
    }
    assertThat(built.manifestJson()).contains("\"name\"");
  }

  @Test
  void theGramineManifestRunsTheJdkAndTheJarInADcapEnclave() {
    SgxOptions options = SgxOptions.gramine(Path.of("/keys/vendor.pem"))
        .withJavaHome(Path.of("/opt/jdk-21")).withDebug(true);

    String manifest = GramineManifest.template(options);

    assertThat(manifest)
        .contains("libos.entrypoint = \"/opt/jdk-21/bin/java\"")
        .contains("loader.argv = [\"java\", \"-XX:+UseSerialGC\", \"-Xmx1G\"")
        .contains("\"-jar\", \"/aex/module.jar\"]")
        .contains("{ path = \"/opt/jdk-21\", uri = \"file:/opt/jdk-21\" }")
        .contains("{ path = \"/aex/module.jar\", uri = \"file:module.jar\" }")
        .contains("sgx.remote_attestation = \"dcap\"")
        .contains("sgx.enclave_size = \"8G\"")
        .contains("sgx.max_threads = 64")
        .contains("sgx.debug = true")
        .contains("loader.env.AEX_SGX = \"gramine\"")
        .contains("loader.env.AEX_EXIT_WITH_STDIN = \"1\"")
        .contains("\"file:/opt/jdk-21/\",")
        .contains("\"file:module.jar\",");
    assertThat(GramineManifest.template(options.withDebug(false))).contains("sgx.debug = false");
  }

  @Test
  void aRealSgxBuildWithoutGramineSaysWhatToInstall() {
    SgxOptions options = SgxOptions.gramine(dir.resolve("vendor.pem")).withToolPath(List.of(dir));

    assertThatThrownBy(() -> ModuleBuilder.buildSgx(TestModules.folder("counter"),
        ModuleStamp.of(3, 5000, SymmetricKey.random16()), options, dir.resolve("out")))
        .isInstanceOf(ModuleBuildException.class)
        .hasMessageContaining("gramine-manifest not found on the PATH (1 folders searched)")
        .hasMessageContaining("https://gramine.readthedocs.io")
        .hasMessageContaining("\"sgx_mode\": \"simulation\"");
  }

  @Test
  void aRealSgxBuildRunsGramineToolsAndRecordsTheSignedMeasurement() throws Exception {
    Path tools = standInTools(0);
    Path key = dir.resolve("vendor.pem");
    SgxOptions options = SgxOptions.gramine(key).withToolPath(List.of(tools));

    SgxBuiltModule built = ModuleBuilder.buildSgx(TestModules.folder("counter"),
        ModuleStamp.of(3, 5000, SymmetricKey.random16()), options, dir.resolve("out"));

    assertThat(built.simulated()).isFalse();
    assertThat(built.mrEnclave().toByteArray()).isEqualTo(SampleSigstruct.enclaveHash());
    assertThat(built.mrSigner().toByteArray())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(SampleSigstruct.modulus()));
    assertThat(built.signature()).hasValue(dir.resolve("out/module.sig"));
    assertThat(bundleEntries(built.bundle())).containsExactly("module.jar", "module.manifest.sgx");
    Path out = dir.resolve("out");
    assertThat(Files.readAllLines(tools.resolve("calls.log"))).containsExactly(
        "gramine-manifest -Darch_libdir=/lib/x86_64-linux-gnu " + out.resolve("module.manifest.template")
            + " " + out.resolve("module.manifest"),
        "gramine-sgx-sign --key " + key + " --manifest " + out.resolve("module.manifest")
            + " --output " + out.resolve("module.manifest.sgx"));
    assertThat(out.resolve("module.manifest.sgx")).content().contains("sgx.remote_attestation = \"dcap\"");
  }

  @Test
  void aFailingGramineToolShowsItsOutput() throws Exception {
    SgxOptions options = SgxOptions.gramine(dir.resolve("vendor.pem"))
        .withToolPath(List.of(standInTools(3)));

    assertThatThrownBy(() -> ModuleBuilder.buildSgx(TestModules.folder("counter"),
        ModuleStamp.of(3, 5000, SymmetricKey.random16()), options, dir.resolve("out")))
        .isInstanceOf(ModuleBuildException.class)
        .hasMessageContaining("gramine-sgx-sign --key")
        .hasMessageContaining("failed with status 3")
        .hasMessageContaining("stand-in: the key is not RSA-3072 with exponent 3");
  }

  @Test
  void aRealSgxBuildNeedsAVendorKey() {
    assertThatThrownBy(() -> new SgxOptions(false, Optional.empty(), dir, false, "1G", "8G", 64, 0,
        0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vendor key: none");
  }

  /**
   * Stand-ins for Gramine's tools that log their arguments: {@code gramine-manifest} copies the
   * template; {@code gramine-sgx-sign} copies the manifest and writes {@link SampleSigstruct} as
   * {@code module.sig}, or fails with {@code signStatus}.
   */
  private Path standInTools(int signStatus) throws Exception {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    Files.write(tools.resolve("sample.sig"), SampleSigstruct.bytes());
    script(tools.resolve("gramine-manifest"), "echo \"gramine-manifest $*\" >> " + tools
        + "/calls.log\ncp \"$2\" \"$3\"\n");
    script(tools.resolve("gramine-sgx-sign"), "echo \"gramine-sgx-sign $*\" >> " + tools
        + "/calls.log\n" + (signStatus == 0 ? "cp \"$4\" \"$6\"\ncp " + tools
        + "/sample.sig module.sig\n" : "echo 'stand-in: the key is not RSA-3072 with exponent 3'\n"
        + "exit " + signStatus + "\n"));
    return tools;
  }

  private static void script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + body);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  private static List<String> bundleEntries(Path bundle) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(bundle)))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
