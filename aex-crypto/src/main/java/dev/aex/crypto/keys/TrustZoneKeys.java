package dev.aex.crypto.keys;

import dev.aex.crypto.Sha256;
import dev.aex.crypto.SymmetricKey;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key derivation of the Authentic Execution OP-TEE fork (protocol.md §5.4.2):
 *
 * <pre>
 *   K_vendor = SHA-256(HUK || LE16(vendor_id))                  32 bytes
 *   K_module = SHA-256(K_vendor || H_TA)[0..16]                 16 bytes
 *   H_TA     = bytes 20..51 of the signed .ta file (the digest after the 20-byte shdr)
 * </pre>
 *
 * <p>The deployer computes K_module from the TA image it loads, so it can check the TA's
 * attestation reply. The fork's HUK is a public dummy value: a TrustZone node of the original
 * system is only as secret as its descriptor's {@code node_key}.
 */
public final class TrustZoneKeys {
  /** Size of OP-TEE's {@code struct shdr}: magic, img_type, img_size, algo (u32), hash and sig sizes (u16). */
  public static final int SHDR_BYTES = 20;
  /** Size of the TA image digest that follows the header. */
  public static final int TA_HASH_BYTES = 32;

  private TrustZoneKeys() {}

  /** K_vendor from the node's hardware unique key (any length; 32 bytes in the fork). */
  public static SymmetricKey vendorKey(byte[] hardwareUniqueKey, int vendorId) {
    if (vendorId < 0 || vendorId > 0xFFFF) {
      throw new IllegalArgumentException("vendor id: " + vendorId + " (expected: 0 to 65535)");
    }
    MessageDigest sha = Sha256.newDigest();
    sha.update(hardwareUniqueKey);
    sha.update(new byte[] {(byte) vendorId, (byte) (vendorId >>> 8)});
    return SymmetricKey.copyOf(sha.digest());
  }

  /** K_module from K_vendor and the TA's 32-byte image digest. */
  public static SymmetricKey moduleKey(SymmetricKey vendorKey, byte[] taHash) {
    if (taHash.length != TA_HASH_BYTES) {
      throw new IllegalArgumentException(
          "TA hash length: " + taHash.length + " bytes (expected: " + TA_HASH_BYTES + ")");
    }
    MessageDigest sha = Sha256.newDigest();
    sha.update(vendorKey.revealBytes());
    sha.update(taHash);
    return SymmetricKey.copyOf(Arrays.copyOf(sha.digest(), 16));
  }

  /** H_TA read from a signed {@code .ta} file's first bytes. */
  public static byte[] taHash(byte[] taFile) {
    if (taFile.length < SHDR_BYTES + TA_HASH_BYTES) {
      throw new IllegalArgumentException("TA image: " + taFile.length
          + " bytes, too short for a signed header (expected: at least "
          + (SHDR_BYTES + TA_HASH_BYTES) + "); is this a signed .ta file?");
    }
    return Arrays.copyOfRange(taFile, SHDR_BYTES, SHDR_BYTES + TA_HASH_BYTES);
  }
}
