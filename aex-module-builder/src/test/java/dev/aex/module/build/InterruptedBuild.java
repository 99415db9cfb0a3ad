package dev.aex.module.build;

import dev.aex.crypto.SymmetricKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A JVM that exits in the middle of a module build, as {@code aex up} does on Ctrl-C: starts the
 * build of the counter module, waits (at most 30 s) for its work folder in {@code java.io.tmpdir},
 * says so and exits with 130.
 */
public final class InterruptedBuild {
  private InterruptedBuild() {}

  public static void main(String[] args) throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path out = Path.of(args[0]);
    Thread build = Thread.ofPlatform().daemon().start(() -> {
      try {
        ModuleBuilder.build(TestModules.folder("counter"),
            ModuleStamp.of(1, 5000, SymmetricKey.random16()), out.resolve("counter"));
      } catch (Exception e) {
        System.out.println("build failed: " + e);
      }
    });
    for (int i = 0; i < 3000 && build.isAlive(); i++) {
      try (Stream<Path> work = Files.list(tmp).filter(p -> p.getFileName().toString()
          .startsWith("aex-build-"))) {
        if (work.findAny().isPresent()) {
          System.out.println("exiting mid-build");
          System.exit(130);
        }
      }
      Thread.sleep(10);
    }
    System.out.println("the build ended first");
  }
}
