package dev.aex.crypto.spongent;

import java.util.Arrays;

/**
 * The two security levels of the original SpongeWrap code ({@code SW_SECURITY}, protocol.md §5.2).
 *
 * <p>Every current Authentic Execution deployment (Sancus 128-bit images, the TrustZone stubs, the
 * Python deployer and {@code reactive_crypto}) uses {@link #SPONGENT_128}. {@link #SPONGENT_64}
 * exists only to reproduce the keys of the old 64-bit Sancus images; it gives 64-bit security at
 * best and should not protect anything new.
 */
public enum SpongentVariant {
  /** 336-bit SPONGENT-224/224/112 permutation, 170 rounds; 16-byte key and tag. */
  SPONGENT_128(16, new SpongentPermutation(336, 170, 0x52, 8, 0x8E)),
  /** 176-bit SPONGENT-160/160/16 permutation, 90 rounds; 8-byte key and tag. */
  SPONGENT_64(8, new SpongentPermutation(176, 90, 0x45, 7, 0x60));

  private final int keyLength;
  private final SpongentPermutation permutation;

  SpongentVariant(int keyLength, SpongentPermutation permutation) {
    this.keyLength = keyLength;
    this.permutation = permutation;
  }

  /** The key length in bytes: 16 or 8. */
  public int keyLength() {
    return keyLength;
  }

  /** The tag length in bytes, which the original code ties to the key length: 16 or 8. */
  public int tagLength() {
    return keyLength;
  }

  /**
   * The variant whose key has {@code keyLength} bytes, as the original code selects it.
   *
   * @throws IllegalArgumentException if no variant uses that key length
   */
  public static SpongentVariant forKeyLength(int keyLength) {
    for (SpongentVariant v : values()) {
      if (v.keyLength == keyLength) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "SPONGENT key length: " + keyLength + " bytes (expected: one of "
            + Arrays.toString(Arrays.stream(values()).mapToInt(v -> v.keyLength).toArray()) + ")");
  }

  SpongentPermutation permutation() {
    return permutation;
  }
}
