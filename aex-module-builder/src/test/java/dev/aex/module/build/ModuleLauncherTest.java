package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher in front of a module jar finds a Java 21 or newer by itself: JAVA_HOME if new
 * enough, then the usual install folders, then the java on PATH; and says so when there is none.
 */
class ModuleLauncherTest extends CounterBinaryFixture {
  private static final List<String> SHELL_TOOLS = List.of("sed", "head", "dirname", "readlink");
  private static final Path OLD_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  @Test
  void aJavaHomeOlderThan21IsPassedOver() throws Exception {
    assumeTrue(Files.isExecutable(OLD_JAVA.resolve("bin/java")), "no Java 17 at " + OLD_JAVA);
    try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(),
        env -> env.put("JAVA_HOME", OLD_JAVA.toString()))) {
      assertThat(module.isAlive()).isTrue();
    }
  }

  @Test
  void theJavaOnPathIsUsedWhenNothingElseIsFound() throws Exception {
    Path bin = toolsDir("with-java");
    // A link, as a package manager makes it: the launcher follows it to the Java's home.
    Path java = Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(), env -> {
      env.remove("JAVA_HOME");
      env.put("AEX_JDK_DIRS", "/nonexistent");
      env.put("PATH", bin.toString());
    })) {
      assertThat(module.isAlive()).isTrue();
    } finally {
      Files.delete(java);
    }
  }

  @Test
  void withoutAJava21TheLauncherSaysWhatToInstall() throws Exception {
    Path bin = toolsDir("without-java");
    ModuleProcess.Finished run = ModuleProcess.run(counter.binary(), env -> {
      env.put("JAVA_HOME", "/nonexistent");
      env.put("AEX_JDK_DIRS", "/nonexistent");
      env.put("PATH", bin.toString());
    });

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.stderr()).contains("aex needs a Java (JDK or JRE) 21 or newer, and none was found")
        .contains("JAVA_HOME (/nonexistent)").contains("set JAVA_HOME");
  }

  /**
   * A module writes no class-data-sharing archive: one per build (each stamps its own key) and per
   * event manager folder, never mapped again, had piled up by the thousand in $TMPDIR.
   */
  @Test
  void aModuleLeavesNoArchiveInTmpdir() throws Exception {
    Path tmp = Files.createDirectories(out.resolve("tmpdir"));
    try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(),
        env -> env.put("TMPDIR", tmp.toString()))) {
      assertThat(module.isAlive()).isTrue();
    }
    try (var left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theNativeHeapIsTrimmedWhereTheJavaHasTheFlag() throws Exception {
    assertThat(argumentsGivenTo(javaThatEchoes("21.0.1"))).contains("-XX:TrimNativeHeapInterval=2000 ");
    assertThat(argumentsGivenTo(javaThatEchoes("25.0.3"))).contains("-XX:TrimNativeHeapInterval=2000 ");
    assertThat(argumentsGivenTo(javaThatEchoes("21"))).contains("-Xmx64m").doesNotContain("Trim");
  }

  /** After an OutOfMemoryError a JVM may stay broken (code it failed to link), so it exits. */
  @Test
  void aModuleOutOfMemoryExits() throws Exception {
    assertThat(argumentsGivenTo(javaThatEchoes("25.0.3"))).contains("-XX:+ExitOnOutOfMemoryError");
  }

  private static String argumentsGivenTo(Path javaHome) throws Exception {
    ModuleProcess.Finished run = ModuleProcess.run(counter.binary(),
        env -> env.put("JAVA_HOME", javaHome.toString()));
    assertThat(run.status()).isZero();
    return run.stderr();
  }

  /** A Java home whose release file says {@code version} and whose java prints its arguments. */
  private static Path javaThatEchoes(String version) throws IOException {
    Path home = Files.createDirectories(out.resolve("echo-java-" + version));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(Files.createDirectories(home.resolve("bin")).resolve("java"),
        "#!/bin/sh\necho \"$@\" >&2\n");
    java.toFile().setExecutable(true);
    return home;
  }

  /** A PATH folder with only the tools the launcher script uses (and so no java), as wrappers. */
  private static Path toolsDir(String name) throws IOException {
    Path bin = Files.createDirectories(out.resolve(name));
    for (String tool : SHELL_TOOLS) {
      Path found = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
          .filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
      Path wrapper = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexec " + found + " \"$@\"\n");
      wrapper.toFile().setExecutable(true);
    }
    return bin;
  }
}
