package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Architecture;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The field names of each node type, for unknown-field warnings and suggestions. */
final class NodeFields {
  static final Set<String> COMMON =
      Fields.ordered("type", "name", "host", "ip_address", "reactive_port", "deploy_port");
  static final Map<Architecture, Set<String>> EXTRA = new EnumMap<>(Map.of(
      Architecture.NATIVE, Fields.ordered("module_id"),
      Architecture.SGX, Fields.ordered("module_id", "aesm_host", "aesm_port", "sgx_mode"),
      Architecture.SANCUS, Fields.ordered("vendor_id", "vendor_key"),
      Architecture.TRUSTZONE, Fields.ordered("vendor_id", "node_key", "vendor_key", "module_id")));
  static final Set<String> ALL = union(Optional.empty());

  private NodeFields() {}

  /** The fields of {@code type}; of every type while the type is unknown. */
  static Set<String> known(Optional<Architecture> type) {
    return type.isPresent() ? union(type) : ALL;
  }

  private static Set<String> union(Optional<Architecture> type) {
    Set<String> all = new LinkedHashSet<>(COMMON);
    EXTRA.forEach((t, extra) -> {
      if (type.isEmpty() || type.get() == t) {
        all.addAll(extra);
      }
    });
    return all;
  }
}
