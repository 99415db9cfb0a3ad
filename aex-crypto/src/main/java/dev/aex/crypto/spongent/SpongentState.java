package dev.aex.crypto.spongent;

/**
 * A SPONGENT state in the sliced layout of {@link SpongentPermutation}, with byte access to its
 * first bytes (state byte j = nibbles 2j and 2j+1, low nibble first, as protocol.md §5.2 numbers
 * the bits). Not thread-safe; each message works on its own copy.
 */
final class SpongentState {
  /** Bit r of every nibble of a little-endian long. */
  private static final long[] NIBBLE_BIT = {
    0x1111111111111111L, 0x2222222222222222L, 0x4444444444444444L, 0x8888888888888888L
  };

  private final SpongentPermutation permutation;
  private final long[] slices;

  /** The all-zero state. */
  SpongentState(SpongentPermutation permutation) {
    this(permutation, new long[SpongentPermutation.WORDS]);
  }

  private SpongentState(SpongentPermutation permutation, long[] slices) {
    this.permutation = permutation;
    this.slices = slices;
  }

  SpongentState copy() {
    return new SpongentState(permutation, slices.clone());
  }

  /** XORs the 8 little-endian bytes of {@code bytes} into state bytes {@code first…first+7}. */
  void xorBytes(long bytes, int first) {
    int shift = nibbleShift(first);
    for (int r = 0; r < 4; r++) {
      slices[2 * r] ^= Long.compress(bytes, NIBBLE_BIT[r]) << shift;
    }
  }

  /** State bytes {@code first…first+7} as a little-endian long. */
  long readBytes(int first) {
    int shift = nibbleShift(first);
    long out = 0;
    for (int r = 0; r < 4; r++) {
      out |= Long.expand(slices[2 * r] >>> shift, NIBBLE_BIT[r]);
    }
    return out;
  }

  void permute() {
    permutation.permute(slices);
  }

  /** Byte access is implemented for the first word of each slice only, which covers every rate. */
  private int nibbleShift(int first) {
    if (first < 0 || 2 * first + 16 > permutation.nibblesPerWord()) {
      throw new IllegalArgumentException("state bytes " + first + "…" + (first + 7)
          + " (expected: within bytes 0…" + (permutation.nibblesPerWord() / 2 - 1) + ")");
    }
    return 2 * first;
  }
}
