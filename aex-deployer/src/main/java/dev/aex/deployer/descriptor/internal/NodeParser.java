package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.keys.TrustZoneKeys;
import dev.aex.deployer.descriptor.Architecture;
import dev.aex.deployer.descriptor.HostResolver;
import dev.aex.deployer.descriptor.NativeNode;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.NodeAddress;
import dev.aex.deployer.descriptor.SancusNode;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.deployer.descriptor.TrustZoneNode;
import java.util.List;
import java.util.Optional;

/**
 * One {@code nodes} item: the rules of default/node.yaml, the per-type required fields, and host
 * resolution (deployer-reference.md §2.2, §2.3).
 */
public final class NodeParser {
  private static final String MODULE_ID = "an integer 0..65536 (the next module id; 0 means 1)";

  private final HostResolver resolver;

  public NodeParser(HostResolver resolver) {
    this.resolver = resolver;
  }

  public Optional<Node> parse(Item item, Report report) {
    int before = report.errorCount();
    Optional<Architecture> type = TypeField.read(item, report, "node", NodeFields.ALL);
    Fields f = new Fields(item.object(), report, NodeFields.known(type));
    Optional<String> name = f.requiredName("name");
    Optional<String> host = host(f);
    Optional<Integer> reactivePort = f.requiredInt("reactive_port", 1, 0xFFFF, Fields.POSITIVE_U16);
    Optional<Integer> deployPort = f.optionalInt("deploy_port", 1, 0xFFFF, Fields.POSITIVE_U16);
    Optional<Node> node = type.flatMap(t -> typed(t, f, name, host, reactivePort, deployPort));
    f.ignoreUnknown(NodeFields.ALL);
    return report.errorCount() > before ? Optional.empty() : node;
  }

  private Optional<String> host(Fields f) {
    if (f.present("host") && f.present("ip_address")) {
      f.report().error("ip_address", "give either host or ip_address (its 2021 spelling), not both");
      return Optional.empty();
    }
    String field = f.present("ip_address") ? "ip_address" : "host";
    Optional<String> written = f.present(field) ? f.optionalName(field)
        : f.missing("host", "a host name or IPv4 address");
    Optional<String> resolved = written.flatMap(resolver::resolve);
    if (written.isPresent() && resolved.isEmpty()) {
      f.report().error(field, "Invalid host: cannot resolve \"" + written.get()
          + "\" to an IP address; write the node's address or a name this machine resolves");
    }
    return resolved;
  }

  private static Optional<Node> typed(Architecture type, Fields f, Optional<String> name,
      Optional<String> host, Optional<Integer> reactivePort, Optional<Integer> deployPort) {
    Optional<NodeAddress> address = host.flatMap(h -> reactivePort.map(
        p -> new NodeAddress(h, p, deployPort.orElse(p))));
    return switch (type) {
      case NATIVE -> {
        int moduleId = moduleId(f);
        yield both(name, address).map(b -> new NativeNode(b.name(), b.address(), moduleId));
      }
      case SGX -> sgx(f, name, address);
      case SANCUS -> sancus(f, name, address);
      case TRUSTZONE -> trustZone(f, name, address);
    };
  }

  private static Optional<Node> sgx(Fields f, Optional<String> name, Optional<NodeAddress> address) {
    int moduleId = moduleId(f);
    Optional<String> aesmHost = f.optionalString("aesm_host");
    int aesmPort = f.optionalInt("aesm_port", 1, 0xFFFF, Fields.POSITIVE_U16)
        .orElse(SgxNode.DEFAULT_AESM_PORT);
    Optional<SgxMode> mode = sgxMode(f);
    return both(name, address).flatMap(b -> mode.map(m -> new SgxNode(b.name(), b.address(),
        moduleId, aesmHost.orElse(b.address().host()), aesmPort, m)));
  }

  /** {@code sgx_mode}: gramine (default) or simulation. */
  private static Optional<SgxMode> sgxMode(Fields f) {
    if (!f.present("sgx_mode")) {
      return Optional.of(SgxMode.GRAMINE);
    }
    JsonNode v = f.value("sgx_mode");
    for (SgxMode m : SgxMode.values()) {
      if (v.isTextual() && v.textValue().equals(m.descriptorName())) {
        return Optional.of(m);
      }
    }
    return f.wrongType("sgx_mode", "\"gramine\" or \"simulation\"", v);
  }

  private static Optional<Node> sancus(Fields f, Optional<String> name,
      Optional<NodeAddress> address) {
    Optional<Integer> vendorId = f.requiredInt("vendor_id", 0, 0xFFFF, Fields.U16);
    Optional<SymmetricKey> vendorKey = KeyFields.hex(f, "vendor_key", true, List.of(16, 8));
    return both(name, address).flatMap(b -> vendorId.flatMap(id -> vendorKey.map(
        key -> new SancusNode(b.name(), b.address(), id, key))));
  }

  private static Optional<Node> trustZone(Fields f, Optional<String> name,
      Optional<NodeAddress> address) {
    Optional<Integer> vendorId = f.requiredInt("vendor_id", 0, 0xFFFF, Fields.U16);
    Optional<SymmetricKey> nodeKey = KeyFields.hex(f, "node_key", false, List.of(32, 16));
    Optional<SymmetricKey> vendorKey = KeyFields.hex(f, "vendor_key", false, List.of(32, 16));
    int moduleId = moduleId(f);
    if (!f.present("node_key") && !f.present("vendor_key")) {
      f.report().error("vendor_key", "missing: at least one between node key and vendor key is "
          + "needed (expected: node_key, vendor_key or both, in hex)");
    }
    Optional<SymmetricKey> vendor = vendorKey.or(() -> vendorId.flatMap(
        id -> nodeKey.map(k -> TrustZoneKeys.vendorKey(k.revealBytes(), id))));
    return both(name, address).flatMap(b -> vendorId.flatMap(id -> vendor.map(
        key -> new TrustZoneNode(b.name(), b.address(), id, nodeKey, key, moduleId))));
  }

  /** {@code module_id}: the original reads both absent and 0 as 1. */
  private static int moduleId(Fields f) {
    int id = f.optionalInt("module_id", 0, 0x10000, MODULE_ID).orElse(1);
    return Math.max(id, 1);
  }

  private static Optional<Named> both(Optional<String> name, Optional<NodeAddress> address) {
    return name.flatMap(n -> address.map(a -> new Named(n, a)));
  }

  private record Named(String name, NodeAddress address) {}
}
