package dev.aex.crypto.spongent;

/**
 * The SPONGENT permutation of protocol.md §5.2 for one state width, computed on a bit-sliced state.
 *
 * <p>Why bit-sliced: the bit permutation {@code P(i) = (b/4)·i mod (b−1)} is a transpose. Writing
 * {@code i = 4q + r} (nibble q, bit r of the nibble) gives {@code P(4q + r) = (b/4)·r + q}, so
 * after the permutation nibble bit {@code r'} holds the old bits of the nibbles with {@code q ≡ r'
 * (mod 4)}. Keeping "bit r of every nibble" together as one slice makes the S-box 25 boolean
 * operations per 64-bit word and the permutation a handful of {@link Long#compress} calls (one
 * PEXT each on x86 with BMI2), instead of b single-bit moves per round. Where PEXT is slow
 * (microcoded on AMD before Zen 3) or absent, {@code Long.compress} is several times slower;
 * re-measure with {@code SpongeWrapBenchmark} on such hosts.
 *
 * <p>Layout: slice r ({@code r = 0..3}) is {@code s[2r]} (nibbles {@code q < half}) and
 * {@code s[2r+1]} (nibbles {@code q ≥ half}), where {@code half = b/8}; bit {@code q mod half} of
 * the word is bit r of nibble q. A slice is four chunks of {@code b/16} nibbles, two per word, and
 * the permutation sends chunk r of new slice r' to be the old slice r's nibbles {@code q ≡ r'}.
 * Bits above {@code half} in each word stay zero.
 */
final class SpongentPermutation {
  static final int WORDS = 8;

  private final int rounds;
  /** Nibbles per chunk: b/16 (21 or 11). */
  private final int chunk;
  /** Nibbles per word: b/8 (42 or 22). */
  private final int half;
  /** All used bits of a word set: the S-box's constant term, which must not touch bits above. */
  private final long ones;
  private final long[] gatherLow = new long[4];
  private final long[] gatherHigh = new long[4];
  private final int[] highShift = new int[4];
  /** The round constants, already sliced: 8 words per round. */
  private final long[] roundConstants;

  SpongentPermutation(int widthBits, int rounds, int lfsrStart, int lfsrBits, int lfsrTaps) {
    if (widthBits % 16 != 0) {
      throw new IllegalArgumentException("width: " + widthBits + " bits (expected: a multiple of 16)");
    }
    this.rounds = rounds;
    this.chunk = widthBits / 16;
    this.half = widthBits / 8;
    this.ones = (1L << half) - 1;
    for (int d = 0; d < 4; d++) {
      for (int p = 0; p < half; p++) {
        gatherLow[d] |= (p % 4 == d ? 1L : 0L) << p;
        gatherHigh[d] |= ((half + p) % 4 == d ? 1L : 0L) << p;
      }
      highShift[d] = Long.bitCount(gatherLow[d]);
    }
    this.roundConstants = roundConstants(lfsrStart, lfsrBits, lfsrTaps);
  }

  /** Nibbles of the state that live in the first word of each slice. */
  int nibblesPerWord() {
    return half;
  }

  /** Applies all rounds to the {@link #WORDS} words of {@code s}. */
  void permute(long[] s) {
    // Locals rather than fields: the JIT cannot tell that the stores into s leave the mask
    // arrays alone, so it would reload them for every round (about 12% slower, measured).
    long l0 = gatherLow[0], l1 = gatherLow[1], l2 = gatherLow[2], l3 = gatherLow[3];
    long h0 = gatherHigh[0], h1 = gatherHigh[1], h2 = gatherHigh[2], h3 = gatherHigh[3];
    int k0 = highShift[0], k1 = highShift[1], k2 = highShift[2], k3 = highShift[3];
    int c = chunk;
    long ones = this.ones;
    for (int round = 0; round < rounds; round++) {
      int base = round * WORDS;
      for (int w = 0; w < WORDS; w++) {
        s[w] ^= roundConstants[base + w];
      }
      sbox(s, 0, ones);
      sbox(s, 1, ones);
      long a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7];
      // New slice d, low word: chunks from old slices 0 and 1; high word: from slices 2 and 3.
      s[0] = gather(a0, a1, l0, h0, k0) | gather(a2, a3, l0, h0, k0) << c;
      s[1] = gather(a4, a5, l0, h0, k0) | gather(a6, a7, l0, h0, k0) << c;
      s[2] = gather(a0, a1, l1, h1, k1) | gather(a2, a3, l1, h1, k1) << c;
      s[3] = gather(a4, a5, l1, h1, k1) | gather(a6, a7, l1, h1, k1) << c;
      s[4] = gather(a0, a1, l2, h2, k2) | gather(a2, a3, l2, h2, k2) << c;
      s[5] = gather(a4, a5, l2, h2, k2) | gather(a6, a7, l2, h2, k2) << c;
      s[6] = gather(a0, a1, l3, h3, k3) | gather(a2, a3, l3, h3, k3) << c;
      s[7] = gather(a4, a5, l3, h3, k3) | gather(a6, a7, l3, h3, k3) << c;
    }
  }

  /** The nibbles {@code q ≡ d (mod 4)} of one slice, in order, given the masks for d. */
  private static long gather(long low, long high, long lowMask, long highMask, int highShift) {
    return Long.compress(low, lowMask) | Long.compress(high, highMask) << highShift;
  }

  /**
   * The 4-bit S-box {@code E D B 0 2 1 4 F 7 A 8 5 9 C 3 6} on the nibbles held in word {@code w}
   * of the four slices, from its algebraic normal form; {@code ^ ones} is the constant 1 term.
   */
  private static void sbox(long[] s, int w, long ones) {
    long x0 = s[w];
    long x1 = s[2 + w];
    long x2 = s[4 + w];
    long x3 = s[6 + w];
    long x12 = x1 & x2;
    long x03 = x0 & x3;
    long x123 = x12 & x3;
    s[w] = x0 ^ x1 ^ x12 ^ x3;
    s[2 + w] = x0 ^ x12 ^ x03 ^ ((x1 ^ x2) & x3) ^ x123 ^ ones;
    s[4 + w] = x1 ^ x2 ^ x03 ^ x123 ^ ones;
    s[6 + w] = x2 ^ x3 ^ (x0 & x1 & ~x3) ^ (x3 & (x0 ^ x1 ^ (x0 & x2))) ^ ones;
  }

  /** XORs nibble value {@code v} into nibble {@code q} of a sliced state. */
  private void xorNibble(long[] s, int q, int v) {
    int word = q < half ? 0 : 1;
    int position = q % half;
    for (int r = 0; r < 4; r++) {
      s[2 * r + word] ^= (long) ((v >>> r) & 1) << position;
    }
  }

  /** Per round: {@code s[0] ^= c}, {@code s[last] ^= bitreverse8(c)}, then the LFSR steps. */
  private long[] roundConstants(int lfsrStart, int lfsrBits, int lfsrTaps) {
    long[] table = new long[rounds * WORDS];
    int lastNibble = 2 * half - 1;
    int c = lfsrStart;
    for (int round = 0; round < rounds; round++) {
      long[] row = new long[WORDS];
      int reversed = Integer.reverse(c) >>> 24;
      xorNibble(row, 0, c & 0xF);
      xorNibble(row, 1, c >>> 4);
      xorNibble(row, lastNibble - 1, reversed & 0xF);
      xorNibble(row, lastNibble, reversed >>> 4);
      System.arraycopy(row, 0, table, round * WORDS, WORDS);
      int feedback = Integer.bitCount(c & lfsrTaps) & 1;
      c = ((c << 1) | feedback) & ((1 << lfsrBits) - 1);
    }
    return table;
  }
}
