package dev.aex.deployer.internal;

import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleManifest;
import dev.aex.deployer.descriptor.ModuleManifestLookup;
import dev.aex.deployer.descriptor.ModuleManifestReader;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.SgxModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workspace: module folders are relative to it, and builds go to its {@code build/<module>/}
 * folder (the binary, and the module's manifest beside it so later commands can check endpoint
 * names without building again). {@code descriptorFolder}, where the descriptor is, is where a
 * module folder missing from the workspace most likely is.
 */
public record Workspace(Path root, Optional<Path> descriptorFolder) {
  static final String MANIFEST = "module.json";

  public Workspace(Path root) {
    this(root, Optional.empty());
  }

  public Path folderOf(Module.Listening m) {
    return root.resolve(m.folder());
  }

  public Path buildDir(String module) {
    return root.resolve("build").resolve(module);
  }

  /**
   * Whether {@code m} runs the aex module runtime (and so speaks the secure suite). A native or
   * SGX module that aex built says so in the result ({@code "runtime": "aex"}, or the SGX
   * module's {@code mrenclave}), and one deployed without saying so is an original one: the
   * answer must not depend on the folder a command runs in, or an output to an original module
   * would go out in the wrong suite, unanswered. A module not deployed yet is aex's to build
   * unless its folder is a Cargo crate. Sancus and TrustZone modules are all original ones.
   */
  public boolean isAex(Module m) {
    return builtByAex(m) || m instanceof Module.Listening l && !m.common().deployed()
        && !Files.exists(folderOf(l).resolve("Cargo.toml"));
  }

  /** Whether the result says that aex built {@code m}: it runs the aex module runtime. */
  static boolean builtByAex(Module m) {
    return m instanceof NativeModule n && n.aexRuntime()
        || m instanceof SgxModule s && s.mrEnclave().isPresent();
  }

  /**
   * Manifests of modules built before, for the descriptor's endpoint-name checks; one older than a
   * file of its module's folder is left out, since the sources may have changed its names since
   * (the build that follows checks them against what it built).
   */
  public ModuleManifestLookup builtManifests() {
    return new ModuleManifestLookup() {
      @Override
      public Optional<ModuleManifest> find(String moduleName) {
        return read(buildDir(moduleName).resolve(MANIFEST));
      }

      @Override
      public Optional<ModuleManifest> find(Module module) {
        return module instanceof Module.Listening l
            && changedSince(l, buildDir(module.name()).resolve(MANIFEST))
            ? Optional.empty() : find(module.name());
      }
    };
  }

  private static Optional<ModuleManifest> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ModuleManifestReader.read(file));
    } catch (DescriptorException e) {
      // A damaged manifest only costs the early name check; building again rewrites it.
      return Optional.empty();
    }
  }

  /** Whether a file of {@code m}'s folder is not older than {@code built}, a file of its build. */
  boolean changedSince(Module.Listening m, Path built) {
    return changedSince(folderOf(m), built);
  }

  /**
   * Whether a file under {@code folder} (Maven's output aside) is not older than {@code file}: a
   * file of the same clock tick may have changed after the build read it.
   */
  private static boolean changedSince(Path folder, Path file) {
    Path maven = folder.resolve("target");
    try (Stream<Path> files = Files.walk(folder)) {
      FileTime built = Files.getLastModifiedTime(file);
      return files.filter(p -> !p.startsWith(maven) && Files.isRegularFile(p))
          .anyMatch(p -> newer(p, built));
    } catch (IOException | UncheckedIOException e) {
      return false; // no folder (or no manifest): nothing to compare, the manifest as it is
    }
  }

  private static boolean newer(Path p, FileTime than) {
    try {
      return Files.getLastModifiedTime(p).compareTo(than) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
