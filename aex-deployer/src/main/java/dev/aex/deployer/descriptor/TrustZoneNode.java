package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.Optional;

/**
 * An ARM TrustZone (OP-TEE) node.
 *
 * @param vendorId the vendor id, a u16 ({@code vendor_id}, required)
 * @param nodeKey the node's hardware unique key ({@code node_key}), if the descriptor gives it
 * @param vendorKey the vendor key ({@code vendor_key}); when the descriptor gives only the node key,
 *     derived from it as SHA-256(node_key ‖ LE16(vendor_id)) at load (deployer-reference.md §2.3)
 * @param moduleId the next module id to allocate ({@code module_id}, default 1)
 */
public record TrustZoneNode(String name, NodeAddress address, int vendorId,
    Optional<SymmetricKey> nodeKey, SymmetricKey vendorKey, int moduleId) implements Node.Counting {
  public TrustZoneNode {
    Checks.name("name", name);
    Checks.nonNull(address, nodeKey, vendorKey);
    Checks.u16("vendor_id", vendorId);
    Checks.counter("module_id", moduleId, 1);
  }

  @Override
  public Architecture architecture() {
    return Architecture.TRUSTZONE;
  }

  @Override
  public TrustZoneNode withModuleId(int next) {
    return new TrustZoneNode(name, address, vendorId, nodeKey, vendorKey, next);
  }
}
