package dev.aex.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh copy of an example folder for one benchmark run, without what an earlier run left in it
 * (the deployer's {@code build/} folder and result files), so every run builds and deploys anew.
 */
public final class ExampleCopy {
  private ExampleCopy() {}

  /** Copies {@code example} into {@code to} (which may exist) and returns {@code to}. */
  public static Path of(Path example, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(example)) {
      for (Path file : files.filter(f -> isSource(example.relativize(f))).toList()) {
        Path target = to.resolve(example.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }

  /** Deletes a run's copy, with what the run built in it; one already gone is no error. */
  public static void delete(Path copy) {
    try (Stream<Path> files = Files.walk(copy)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException alreadyGone) {
      // a temporary folder, perhaps deleted by another cleanup already
    }
  }

  private static boolean isSource(Path relative) {
    return !relative.startsWith("build") && !relative.toString().endsWith("result.json");
  }
}
