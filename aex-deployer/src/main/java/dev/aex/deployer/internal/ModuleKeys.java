package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.keys.TrustZoneKeys;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.TrustZoneModule;
import dev.aex.deployer.descriptor.TrustZoneNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The module key the deployer shares with a module (deployer-reference.md §4.5): stamped at build
 * time (native), agreed at attestation (SGX), derived from the TA image and the node's vendor key (TrustZone, when the result
 * has no key yet), or given in the result (a pre-deployed Sancus module). Deriving a Sancus key
 * needs the ELF re-linked with the Sancus toolchain, which aex does not run yet.
 */
final class ModuleKeys {
  private ModuleKeys() {}

  static SymmetricKey of(Context ctx, Module m, Where where) throws DeployerException {
    Optional<SymmetricKey> key = m.key();
    if (key.isPresent()) {
      return key.get();
    }
    return switch (m) {
      case TrustZoneModule t -> trustZone(ctx, t, where);
      case SancusModule s -> throw where.fail("the module has no key", "Deriving Sancus module"
          + " keys needs the re-linked ELF (Sancus toolchain), which aex does not support yet;"
          + " give the module's key in the descriptor");
      case SgxModule s -> throw where.fail("the module has no key yet",
          "An SGX module's key is agreed at attestation: attest it first (aex attest)");
      case NativeModule n -> throw where.fail("the module has no key", "Build it again");
    };
  }

  /** First 16 bytes of SHA-256(vendor key ‖ TA hash) (protocol.md §5.4.2). */
  static SymmetricKey trustZone(Context ctx, TrustZoneModule t, Where where)
      throws DeployerException {
    if (t.binary().isEmpty()) {
      throw where.fail("the module has neither a key nor a binary",
          "Give the TA file (binary) or the module key in the descriptor");
    }
    TrustZoneNode node = (TrustZoneNode) ctx.state().nodeOf(t.common().deployed()
        ? t.common().oldNode() : t.node());
    try {
      byte[] ta = Files.readAllBytes(Path.of(t.binary().get()));
      return TrustZoneKeys.moduleKey(node.vendorKey(), TrustZoneKeys.taHash(ta));
    } catch (IOException | IllegalArgumentException e) {
      throw where.fail("cannot derive the module key from " + t.binary().get() + ": "
          + e.getMessage(), "Check the TA file", e);
    }
  }
}
