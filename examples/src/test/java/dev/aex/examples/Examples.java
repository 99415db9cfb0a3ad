package dev.aex.examples;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.build.BuiltModule;
import dev.aex.module.build.ModuleBuildException;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import dev.aex.module.testing.FakeEm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The example folders, and their modules built once per test run: every module is stamped with
 * the same module key and the port of one shared {@link FakeEm}, each with its own module id, so
 * tests can run several modules side by side. Nothing is torn down: the binaries stay in
 * {@code target/example-modules} and the fake EM's thread is a daemon.
 */
final class Examples {
  static final SymmetricKey MODULE_KEY = SymmetricKey.random16();
  private static final int MAX_ID = 200;

  private static FakeEm em;
  private static Path out;
  private static int lastId;
  private static final Map<String, ExampleModule> BUILT = new HashMap<>();

  private Examples() {}

  /** {@code examples/} of the source tree. */
  static Path root() {
    String projectRoot = System.getProperty("aex.projectRoot");
    Path root = projectRoot != null ? Path.of(projectRoot, "examples") : Path.of("").toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("README.md"))) {
      throw new IllegalStateException("cannot find the examples folder (tried " + root + ")");
    }
    return root;
  }

  static synchronized FakeEm em() {
    if (em == null) {
      em = new FakeEm();
    }
    return em;
  }

  /** The module in {@code examples/<example>/<folder>}, built on first use. */
  static ExampleModule module(String example, String folder) {
    return module(example, folder, "");
  }

  /**
   * Another build of the same folder, with its own module id (so its own port): a second instance,
   * as an update deploys next to the old one.
   */
  static synchronized ExampleModule module(String example, String folder, String instance) {
    return BUILT.computeIfAbsent(example + "/" + folder + "#" + instance, key -> build(example, folder, instance));
  }

  private static ExampleModule build(String example, String folder, String instance) {
    try {
      if (out == null) {
        // Under target/, so that a clean removes them and each run replaces the last one's.
        out = Files.createDirectories(root().resolve("target").resolve("example-modules"));
      }
      int emPort = em().port();
      int id = nextFreeId(emPort);
      BuiltModule built = ModuleBuilder.build(root().resolve(example).resolve(folder),
          ModuleStamp.of(id, emPort, MODULE_KEY), out.resolve(example + "-" + folder + instance));
      return ExampleModule.of(example, folder, built.binary(), emPort + id, built.manifestJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ModuleBuildException e) {
      throw new AssertionError("examples/" + example + "/" + folder + " does not build: " + e.getMessage(), e);
    }
  }

  /** The next module id whose port (EM port + id) is free now; ids are never reused. */
  private static int nextFreeId(int emPort) {
    while (++lastId <= MAX_ID && emPort + lastId <= 0xffff) {
      if (isFree(emPort + lastId)) {
        return lastId;
      }
    }
    throw new AssertionError("no free module port above EM port " + emPort);
  }

  static boolean isFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException busy) {
      return false;
    }
  }

  /**
   * A loopback port that is free now, for a web server the test starts in a module; never one of
   * the module ports above the fake EM's.
   */
  static int freePort() {
    int emPort = em().port();
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = probe.getLocalPort();
        if (port < emPort || port > emPort + MAX_ID) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new AssertionError("no free loopback port outside the module ports");
  }
}
