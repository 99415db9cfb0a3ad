package dev.aex.attestation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.HexBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A TDX module identity of a TDX TCB info ({@code tdxModuleIdentities}, id {@code TDX_%02X} of
 * the module's major version); the levels apply to the module's ISV SVN (tee_tcb_svn[0]).
 */
public record TdxModuleIdentity(
    String id, HexBytes mrSigner, HexBytes attributes, HexBytes attributesMask,
    List<IsvLevel> levels) {

  public TdxModuleIdentity {
    levels = List.copyOf(levels);
  }

  static List<TdxModuleIdentity> parseAll(JsonNode tcbInfo) {
    List<TdxModuleIdentity> out = new ArrayList<>();
    for (JsonNode module : JsonFields.array(tcbInfo, "tdxModuleIdentities")) {
      out.add(new TdxModuleIdentity(JsonFields.text(module, "id"),
          JsonFields.hex(module, "mrsigner", 48), JsonFields.hex(module, "attributes", 8),
          JsonFields.hex(module, "attributesMask", 8), IsvLevel.parseAll(module)));
    }
    return List.copyOf(out);
  }
}
