package dev.aex.em.internal.loader;

import dev.aex.em.SgxLoading;
import dev.aex.wire.ModuleEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Starts an unpacked SGX module (docs/sgx.md): {@code gramine-sgx module} in its folder, or in
 * simulation the module JVM directly, with {@code AEX_SGX=simulation}, on this JVM's own Java
 * (and, as a native module, told to stop with its stdin; an enclave gets only the variables its
 * signed manifest names, and the manifest aex builds names that one).
 */
final class SgxStarter {
  static final String GRAMINE_SGX = "gramine-sgx";
  /** The launcher's {@code aex_native_trim_flag} (.mvn/find-jdk.sh). */
  static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=2000";

  private SgxStarter() {}

  static ProcessBuilder command(SgxLoading loading, Path folder, List<Path> path) throws IOException {
    ProcessBuilder builder = switch (loading) {
      case GRAMINE -> gramine(folder, path);
      case SIMULATION -> simulation(folder);
    };
    return builder.directory(folder.toFile());
  }

  /**
   * The module JVM with the flags of a native module's launcher (docs/modules.md): a simulated
   * enclave costs what a native module costs, so a demo with several of them fits a small machine.
   */
  private static ProcessBuilder simulation(Path folder) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmn4m", "-Xmx64m",
        "-XX:+ExitOnOutOfMemoryError"));
    if (hasNativeTrim(Runtime.version())) {
      command.add(NATIVE_TRIM);
    }
    command.addAll(List.of("-jar", folder.resolve(SgxBundle.JAR).toString()));
    ProcessBuilder b = new ProcessBuilder(command);
    b.environment().put("AEX_SGX", "simulation");
    // A plain JVM, so it can stop with its stdin as a native module does (Spawner).
    b.environment().put(ModuleEnvironment.EXIT_WITH_STDIN, "1");
    return b;
  }

  private static ProcessBuilder gramine(Path folder, List<Path> path) throws IOException {
    if (!Files.isRegularFile(folder.resolve(SgxBundle.MANIFEST))) {
      throw new IOException("the bundle has no " + SgxBundle.MANIFEST + ": it was built for"
          + " simulation; start this event manager with --sgx simulation (INSECURE), or build the"
          + " module for a real SGX node");
    }
    if (!Files.isRegularFile(folder.resolve(SgxBundle.SIG))) {
      throw new IOException("the Load carries no signature (SIGSTRUCT) for " + SgxBundle.MANIFEST);
    }
    Path tool = find(path).orElseThrow(() -> new IOException(GRAMINE_SGX + " not found on the"
        + " PATH: install Gramine with SGX support on this node, or for tests without SGX start"
        + " the event manager with --sgx simulation (INSECURE)"));
    ProcessBuilder b = new ProcessBuilder(List.of(tool.toString(), "module"));
    b.environment().put("AEX_SGX", "gramine");
    return b;
  }

  /** Whether a Java of {@code version} has {@link #NATIVE_TRIM}: 21.0.1 and later. */
  static boolean hasNativeTrim(Runtime.Version version) {
    return version.feature() > 21 || version.feature() == 21 && version.update() >= 1;
  }

  static Optional<Path> find(List<Path> path) {
    return path.stream().map(p -> p.resolve(GRAMINE_SGX)).filter(Files::isExecutable).findFirst();
  }

  static List<Path> systemPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }
}
