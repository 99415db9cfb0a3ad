package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Architecture;
import java.util.Optional;
import java.util.Set;

/** The {@code type} field of nodes and modules: one of the four architectures. */
final class TypeField {
  private TypeField() {}

  /** @param what "node" or "module", for the message */
  static Optional<Architecture> read(Item item, Report report, String what, Set<String> known) {
    Fields f = new Fields(item.object(), report, known);
    Optional<String> type = f.requiredString("type");
    Optional<Architecture> architecture = type.flatMap(Architecture::fromDescriptorName);
    if (type.isPresent() && architecture.isEmpty()) {
      report.error("type", "unknown " + what + " type \"" + type.get() + "\" (expected: "
          + String.join(", ", Architecture.descriptorNames()) + ")",
          Suggestions.closest(type.get(), Architecture.descriptorNames()));
    }
    return architecture;
  }
}
