package dev.aex.crypto.keys;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.spongent.SpongentMac;
import dev.aex.crypto.spongent.SpongentVariant;
import java.util.Arrays;

/**
 * Key derivation of Sancus (protocol.md §5.4.1), as the hardware does it and the deployer
 * recomputes it:
 *
 * <pre>
 *   K_vendor = SpongentMAC(K_node,   LE16(vendor_id))
 *   K_module = SpongentMAC(K_vendor, text || LE16(public_start) || LE16(public_end)
 *                                         || LE16(secret_start) || LE16(secret_end))
 * </pre>
 *
 * <p>The SPONGENT variant follows the key length, as in the original code: a 16-byte key gives the
 * 128-bit variant (every current image), an 8-byte key the 64-bit one; the derived key has the
 * same length. Not guaranteed: nothing here checks that the module is the one the node loaded;
 * the derived key is only as right as the re-linked ELF it came from.
 */
public final class SancusKeys {
  private SancusKeys() {}

  /**
   * K_vendor for a node key of 16 (or 8) bytes.
   *
   * @throws IllegalArgumentException if the vendor id is not 16 bits or the key is 32 bytes
   */
  public static SymmetricKey vendorKey(SymmetricKey nodeKey, int vendorId) {
    if (vendorId < 0 || vendorId > 0xFFFF) {
      throw new IllegalArgumentException("vendor id: " + vendorId + " (expected: 0 to 65535)");
    }
    return mac(nodeKey, new byte[] {(byte) vendorId, (byte) (vendorId >>> 8)});
  }

  /** K_module from K_vendor and the module's identity bytes (see {@link SancusModule#identity()}). */
  public static SymmetricKey moduleKey(SymmetricKey vendorKey, byte[] identity) {
    return mac(vendorKey, identity);
  }

  /** K_module of a module read from an ELF image. */
  public static SymmetricKey moduleKey(SymmetricKey vendorKey, SancusModule module) {
    return mac(vendorKey, module.identity());
  }

  /**
   * K_module of module {@code moduleName} of an image.
   *
   * @throws SancusElfException if the image lacks the module's section or layout symbols
   */
  public static SymmetricKey moduleKey(SymmetricKey vendorKey, SancusElf elf, String moduleName)
      throws SancusElfException {
    return moduleKey(vendorKey, elf.module(moduleName));
  }

  private static SymmetricKey mac(SymmetricKey key, byte[] message) {
    byte[] tag = SpongentMac.create(SpongentVariant.forKeyLength(key.length()), key)
        .computeMac(message);
    try {
      return SymmetricKey.copyOf(tag);
    } finally {
      Arrays.fill(tag, (byte) 0);
    }
  }
}
