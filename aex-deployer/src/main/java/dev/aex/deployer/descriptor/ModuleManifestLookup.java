package dev.aex.deployer.descriptor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the manifest of a descriptor module by the module's name, so that {@link DescriptorReader}
 * can check connection endpoints and event entries by name (and suggest the right name for a
 * misspelt one). Modules without a manifest are checked against their {@code data} field instead,
 * when a result file has one, and otherwise not at all.
 */
@FunctionalInterface
public interface ModuleManifestLookup {
  /** The manifest of the descriptor module called {@code moduleName}, if known. */
  Optional<ModuleManifest> find(String moduleName);

  /**
   * The manifest of {@code module}, if known: by default by its name; a lookup that can tell a
   * manifest older than the module's sources leaves it out.
   */
  default Optional<ModuleManifest> find(Module module) {
    return find(module.name());
  }

  /** Knows no manifests. */
  static ModuleManifestLookup none() {
    return name -> Optional.empty();
  }

  /** Looks descriptor module names up in {@code byModuleName}. */
  static ModuleManifestLookup of(Map<String, ModuleManifest> byModuleName) {
    Map<String, ModuleManifest> copy = Map.copyOf(byModuleName);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /** Uses each manifest for the descriptor module of the same name. */
  static ModuleManifestLookup byManifestName(Collection<ModuleManifest> manifests) {
    Map<String, ModuleManifest> byName = new LinkedHashMap<>();
    manifests.forEach(m -> byName.put(m.name(), m));
    return of(byName);
  }
}
