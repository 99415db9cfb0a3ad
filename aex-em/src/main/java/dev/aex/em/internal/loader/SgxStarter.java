package dev.aex.em.internal.loader;

import dev.aex.em.SgxLoading;
import dev.aex.wire.ModuleEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private SgxStarter() {}

  static ProcessBuilder command(SgxLoading loading, Path folder, List<Path> path) throws IOException {
    ProcessBuilder builder = switch (loading) {
      case GRAMINE -> gramine(folder, path);
      case SIMULATION -> {
        // The flags of a native module's launcher (docs/modules.md): a simulated enclave costs
        // what a native module costs, so a demo with several of them fits a small machine.
        ProcessBuilder b = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmn8m", "-Xmx64m",
            "-jar", folder.resolve(SgxBundle.JAR).toString()));
        b.environment().put("AEX_SGX", "simulation");
        // A plain JVM, so it can stop with its stdin as a native module does (Spawner).
        b.environment().put(ModuleEnvironment.EXIT_WITH_STDIN, "1");
        yield b;
      }
    };
    return builder.directory(folder.toFile());
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

  static Optional<Path> find(List<Path> path) {
    return path.stream().map(p -> p.resolve(GRAMINE_SGX)).filter(Files::isExecutable).findFirst();
  }

  static List<Path> systemPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }
}
