package dev.aex.crypto;

import java.security.SecureRandom;

/**
 * A secret key of fixed length (16 bytes for every suite of the protocol, 8 for the 64-bit
 * SPONGENT variant, 32 for TrustZone vendor keys). Immutable; the bytes are copied in and out.
 *
 * <p>The key bytes are reachable only through {@link #revealBytes()}, a name meant to be found
 * by grep in review. {@link #toString()} never shows them, and {@link #equals} is constant-time.
 */
public final class SymmetricKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;

  private SymmetricKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be 8, 16 or 32 bytes long. */
  public static SymmetricKey copyOf(byte[] bytes) {
    int n = bytes.length;
    if (n != 8 && n != 16 && n != 32) {
      throw new IllegalArgumentException("key length: " + n + " bytes (expected: 8, 16 or 32)");
    }
    return new SymmetricKey(bytes.clone());
  }

  /** A fresh random 16-byte key from the platform's strong {@link SecureRandom}. */
  public static SymmetricKey random16() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return new SymmetricKey(b);
  }

  /** A copy of the secret bytes. Every caller is a place where a key can leak: keep them few. */
  public byte[] revealBytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymmetricKey other && ConstantTime.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // Equal keys must hash alike, but the hash must not reveal key bits: use the length only.
    return bytes.length;
  }

  @Override
  public String toString() {
    return "SymmetricKey[" + bytes.length + " bytes, redacted]";
  }
}
