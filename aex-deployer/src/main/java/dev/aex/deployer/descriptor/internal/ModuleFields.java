package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Architecture;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The field names of each module type (deployer-reference.md §2.4, §3). */
final class ModuleFields {
  static final Set<String> COMMON = Fields.ordered("type", "name", "node", "old_node", "priority",
      "deployed", "nonce", "attested");
  private static final Set<String> NATIVE =
      Fields.ordered("folder", "features", "id", "port", "binary", "key", "data");
  static final Map<Architecture, Set<String>> EXTRA = new EnumMap<>(Map.of(
      Architecture.NATIVE, plus(NATIVE, "runtime"),
      Architecture.SGX, plus(NATIVE, "vendor_key", "ra_settings", "sgxs", "signature", "mrenclave"),
      Architecture.SANCUS, Fields.ordered("files", "cflags", "ldflags", "deploy_name", "binary", "id",
          "symtab", "key"),
      Architecture.TRUSTZONE, Fields.ordered("folder", "id", "binary", "uuid", "key", "data")));
  static final Set<String> ALL = known(Optional.empty());

  private ModuleFields() {}

  /** The fields of {@code type}; of every type while the type is unknown. */
  static Set<String> known(Optional<Architecture> type) {
    Set<String> all = new LinkedHashSet<>(COMMON);
    EXTRA.forEach((t, extra) -> {
      if (type.isEmpty() || type.get() == t) {
        all.addAll(extra);
      }
    });
    return all;
  }

  private static Set<String> plus(Set<String> base, String... more) {
    Set<String> all = new LinkedHashSet<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
