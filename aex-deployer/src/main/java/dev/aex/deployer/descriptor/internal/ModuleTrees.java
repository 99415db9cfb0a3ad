package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleCommon;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.TrustZoneModule;
import java.util.List;
import java.util.Optional;

/** Modules as the original's result writes them, field order included (RT:modules/*.py dump). */
final class ModuleTrees {
  private ModuleTrees() {}

  static ObjectNode of(Module module) {
    ObjectNode o = common(module);
    switch (module) {
      case NativeModule m -> {
        built(o, m.features(), m, m.binary());
        if (m.aexRuntime()) {
          o.put("runtime", ModuleTypes.AEX_RUNTIME);
        }
        listening(o, m, m.folder(), m.port());
      }
      case SgxModule m -> {
        o.put("vendor_key", m.vendorKey());
        o.put("ra_settings", m.raSettings());
        built(o, m.features(), m, m.binary());
        Trees.text(o, "sgxs", m.sgxs());
        Trees.text(o, "signature", m.signature());
        m.mrEnclave().ifPresent(v -> o.put("mrenclave", v));
        listening(o, m, m.folder(), m.port());
      }
      case SancusModule m -> sancus(o, m);
      case TrustZoneModule m -> {
        Trees.text(o, "binary", m.binary());
        Trees.number(o, "id", m.id());
        m.uuid().ifPresentOrElse(u -> o.put("uuid", u), () -> o.putNull("uuid"));
        Trees.key(o, "key", m.key());
        Trees.data(o, m.data());
        o.put("folder", m.folder());
      }
    }
    return o;
  }

  private static ObjectNode common(Module module) {
    ModuleCommon c = module.common();
    ObjectNode o = Trees.object();
    o.put("type", module.architecture().descriptorName());
    o.put("name", c.name());
    o.put("node", c.node());
    o.put("old_node", c.oldNode());
    Trees.number(o, "priority", c.priority());
    Trees.flag(o, "deployed", c.deployed());
    o.put("nonce", c.nonce());
    Trees.flag(o, "attested", c.attested());
    return o;
  }

  /** The fields native and SGX modules share, before their type's own. */
  private static void built(ObjectNode o, List<String> features, Module m, Optional<String> binary) {
    Trees.strings(o, "features", features);
    Trees.number(o, "id", m.id());
    Trees.text(o, "binary", binary);
  }

  /** The fields native and SGX modules share, after their type's own. */
  private static void listening(ObjectNode o, Module m, String folder, Optional<Integer> port) {
    Trees.key(o, "key", m.key());
    Trees.data(o, m.data());
    o.put("folder", folder);
    Trees.number(o, "port", port);
  }

  private static void sancus(ObjectNode o, SancusModule m) {
    Trees.strings(o, "files", m.files());
    Trees.strings(o, "cflags", m.cflags());
    Trees.strings(o, "ldflags", m.ldflags());
    Trees.text(o, "binary", m.binary());
    Trees.number(o, "id", m.id());
    Trees.text(o, "symtab", m.symtab());
    Trees.key(o, "key", m.key());
    o.put("deploy_name", m.deployName());
  }
}
