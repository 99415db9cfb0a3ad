package dev.aex.crypto.legacy;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.internal.AesGcmCipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * <b>Insecure.</b> AES-128-GCM with the constant all-zero IV of the original Authentic Execution
 * system (encryption type 0, protocol.md §5.1). Every message under one key uses the same
 * keystream, and two tags reveal the GHASH key, so anyone who sees traffic can forge messages
 * (protocol.md §8.4, SECURITY.md). Use it only to talk to original modules and deployers; aex
 * modules use {@link dev.aex.crypto.secure.SecureAesGcm}.
 *
 * <p>Freshness in the original protocol comes only from the counter in the associated data; this
 * class adds nothing to that. Thread-safe: every call uses its own cipher.
 */
public final class LegacyZeroIvAesGcm {
  private static final byte[] ZERO_IV = new byte[AesGcmCipher.IV_BYTES];

  private final SecretKeySpec key;

  private LegacyZeroIvAesGcm(SecretKeySpec key) {
    this.key = key;
  }

  /** A cipher under a 16-byte key. */
  public static LegacyZeroIvAesGcm create(SymmetricKey key) {
    return new LegacyZeroIvAesGcm(AesGcmCipher.keySpec(key));
  }

  /** Returns {@code ciphertext || tag} (the tag is the last 16 bytes). */
  public byte[] encrypt(byte[] associatedData, byte[] plaintext) {
    return AesGcmCipher.sealWithFixedIv(key, ZERO_IV, associatedData, plaintext);
  }

  /** Checks the tag (in constant time, inside the JCE) and returns the plaintext. */
  public byte[] decrypt(byte[] associatedData, byte[] ciphertextAndTag)
      throws AuthenticationFailedException {
    return AesGcmCipher.open(key, ZERO_IV, associatedData, ciphertextAndTag, 0);
  }

  /**
   * The original "MAC": the 16-byte tag of an empty plaintext with {@code message} as associated
   * data (TrustZone attestation, protocol.md §4.3).
   */
  public byte[] mac(byte[] message) {
    return encrypt(message, new byte[0]);
  }
}
