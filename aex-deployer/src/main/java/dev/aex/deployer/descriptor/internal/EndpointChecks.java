package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.ModuleManifest;
import dev.aex.deployer.descriptor.ModuleManifestLookup;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks endpoint and entry names against what the module has: its manifest when the lookup knows
 * it, else the {@code data} of a result file, else nothing (the original only finds out at connect
 * time). Numeric ids are used verbatim and not checked (deployer-reference.md §6.4).
 */
final class EndpointChecks {
  private final ModuleManifestLookup manifests;
  private final Map<String, Module> modules;

  EndpointChecks(ModuleManifestLookup manifests, Map<String, Module> modules) {
    this.manifests = manifests;
    this.modules = modules;
  }

  /** Reports {@code field} if module {@code module} has no {@code kind} called {@code ref}. */
  void check(Report report, String field, String module, EndpointKind kind, EndpointRef ref) {
    if (ref instanceof EndpointRef.Named named) {
      checkName(report, field, module, kind, named.name());
    }
  }

  /** An event's entry: all-digit strings are ids (§6.4), anything else a name. */
  void checkEntry(Report report, String module, String entry) {
    if (!entry.chars().allMatch(Character::isDigit)) {
      checkName(report, "entry", module, EndpointKind.ENTRY, entry);
    }
  }

  private void checkName(Report report, String field, String module, EndpointKind kind,
      String name) {
    Optional<ModuleData> data = endpointsOf(module);
    if (data.isEmpty() || data.get().id(kind, name).isPresent()) {
      return;
    }
    Set<String> names = data.get().names(kind);
    String known = names.isEmpty() ? "none" : String.join(", ", names);
    report.error(field, "module \"" + module + "\" has no " + kind.singular() + " named \""
        + name + "\" (its " + kind.dataKey() + ": " + known + ")"
        + Suggestions.otherKinds(data.get(), name, kind),
        Suggestions.closest(name, names));
  }

  private Optional<ModuleData> endpointsOf(String module) {
    Optional<Module> m = Optional.ofNullable(modules.get(module));
    return m.flatMap(manifests::find).map(ModuleManifest::endpoints)
        .or(() -> m.flatMap(Module::data));
  }
}
