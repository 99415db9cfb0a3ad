package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.internal.Suggestions;
import java.util.Optional;

/**
 * Resolves endpoint and entry names to ids (deployer-reference.md §6.4): numbers are used as they
 * are; names are looked up in the module's {@code data}, which a build fills in from the manifest.
 */
final class Endpoints {
  private Endpoints() {}

  static int id(Module m, EndpointKind kind, EndpointRef ref) throws DeployerException {
    return switch (ref) {
      case EndpointRef.Numeric n -> n.id();
      case EndpointRef.Named n -> lookup(m, kind, n.name());
    };
  }

  /** An entry by name, or by id when it is all digits (as the original does). */
  static int entry(Module m, String entry) throws DeployerException {
    if (!entry.isEmpty() && entry.chars().allMatch(Character::isDigit)) {
      try {
        int id = Integer.parseInt(entry);
        if (id <= 0xffff) {
          return id;
        }
      } catch (NumberFormatException tooBig) {
        // fall through to the message below
      }
      throw new DeployerException("module " + m.name() + ": entry id " + entry
          + " is not a u16 (expected: 0..65535)");
    }
    return lookup(m, EndpointKind.ENTRY, entry);
  }

  private static int lookup(Module m, EndpointKind kind, String name) throws DeployerException {
    Optional<ModuleData> data = m.data();
    if (data.isEmpty()) {
      throw new DeployerException("module " + m.name() + ": cannot resolve " + kind.singular()
          + " \"" + name + "\": the module has no endpoint data yet. Build or deploy it first,"
          + " or give the " + kind.singular() + " as a number");
    }
    Optional<Integer> id = data.get().id(kind, name);
    if (id.isPresent()) {
      return id.get();
    }
    String hint = Suggestions.closest(name, data.get().names(kind))
        .map(s -> "; did you mean \"" + s + "\"?").orElse("");
    throw new DeployerException("module " + m.name() + " has no " + kind.singular() + " named \""
        + name + "\" (its " + kind.manifestKey() + ": "
        + (data.get().names(kind).isEmpty() ? "none" : String.join(", ", data.get().names(kind)))
        + ")" + hint);
  }
}
