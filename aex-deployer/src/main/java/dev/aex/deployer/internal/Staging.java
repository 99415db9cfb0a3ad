package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where an update builds its new instance: {@code build/<module>/.update/}, apart from the old
 * instance's files, which the result names until the swap. A failure before it leaves them as
 * they were (a native binary holds the old key, an SGX bundle the recorded MRENCLAVE). Builds
 * write flat folders, so a staging folder holds files only.
 */
final class Staging {
  private Staging() {}

  /** The module's staging folder, emptied of what an update that failed before its swap left. */
  static Path emptied(Workspace workspace, String module) throws DeployerException {
    Path staged = workspace.buildDir(module).resolve(".update");
    if (!Files.isDirectory(staged)) {
      return staged;
    }
    // Folders too: a build cut short leaves its work folder there (ModuleBuilder).
    try (Stream<Path> files = Files.walk(staged)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(staged)) {
          Files.delete(file);
        }
      }
      return staged;
    } catch (IOException e) {
      throw new DeployerException("update " + module + ": cannot empty " + staged + ", which an"
          + " earlier update left: " + e.getMessage() + ". Delete it and run the update again", e);
    }
  }

  /** Moves the new instance's files to {@code out}, where the module's build output belongs. */
  static void swap(Path staged, Path out, ModuleSlot slot) throws DeployerException {
    try (Stream<Path> files = Files.list(staged)) {
      for (Path file : files.toList()) {
        Files.move(file, out.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.delete(staged);
    } catch (IOException e) {
      throw new DeployerException("update " + slot.get().name() + ": the new instance runs, but"
          + " its build output stays in " + staged + " (" + e.getMessage() + "); the result"
          + " names files there", e);
    }
    slot.update(m -> Modules.withBuildMoved(m, staged, out));
  }
}
