package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.deployer.descriptor.NativeNode;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.SancusNode;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.deployer.descriptor.TrustZoneNode;
import java.util.Optional;

/** Nodes as the original's result writes them, field order included (RT:nodes/*.py dump). */
final class NodeTrees {
  private NodeTrees() {}

  static ObjectNode of(Node node) {
    ObjectNode o = Trees.object();
    o.put("type", node.architecture().descriptorName());
    o.put("name", node.name());
    o.put("host", node.address().host());
    switch (node) {
      case NativeNode n -> {
        ports(o, n);
        o.put("module_id", n.moduleId());
      }
      case SgxNode n -> {
        ports(o, n);
        o.put("module_id", n.moduleId());
        o.put("aesm_host", n.aesmHost());
        o.put("aesm_port", n.aesmPort());
        if (n.mode() != SgxMode.GRAMINE) {
          o.put("sgx_mode", n.mode().descriptorName());
        }
      }
      case SancusNode n -> {
        o.put("vendor_id", n.vendorId());
        Trees.key(o, "vendor_key", Optional.of(n.vendorKey()));
        ports(o, n);
      }
      case TrustZoneNode n -> {
        ports(o, n);
        o.put("vendor_id", n.vendorId());
        Trees.key(o, "node_key", n.nodeKey());
        Trees.key(o, "vendor_key", Optional.of(n.vendorKey()));
        o.put("module_id", n.moduleId());
      }
    }
    return o;
  }

  private static void ports(ObjectNode o, Node node) {
    o.put("reactive_port", node.address().reactivePort());
    o.put("deploy_port", node.address().deployPort());
  }
}
