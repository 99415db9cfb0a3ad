package dev.aex.deployer.internal;

import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleManifest;
import dev.aex.deployer.descriptor.ModuleManifestLookup;
import dev.aex.deployer.descriptor.ModuleManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace: module folders are relative to it, and builds go to its {@code build/<module>/}
 * folder (the binary, and the module's manifest beside it so later commands can check endpoint
 * names without building again).
 */
public record Workspace(Path root) {
  static final String MANIFEST = "module.json";

  public Path folderOf(Module.Listening m) {
    return root.resolve(m.folder());
  }

  public Path buildDir(String module) {
    return root.resolve("build").resolve(module);
  }

  /**
   * Whether {@code m} runs the aex module runtime (and so speaks the secure suite): a native or
   * SGX module whose folder is not a Cargo crate. Original modules are the Rust native and SGX
   * ones, and every Sancus and TrustZone module.
   */
  public boolean isAex(Module m) {
    return m instanceof Module.Listening l && !Files.exists(folderOf(l).resolve("Cargo.toml"));
  }

  /** Manifests of modules built before, for the descriptor's endpoint-name checks. */
  public ModuleManifestLookup builtManifests() {
    return name -> {
      Path file = buildDir(name).resolve(MANIFEST);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(ModuleManifestReader.read(file));
      } catch (DescriptorException e) {
        // A damaged manifest only costs the early name check; building again rewrites it.
        return Optional.<ModuleManifest>empty();
      }
    };
  }
}
