package dev.aex.crypto.spongent;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import dev.aex.crypto.ConstantTime;
import dev.aex.crypto.SymmetricKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * SpongeWrap authenticated encryption over SPONGENT, byte-compatible with the original C/C++ code
 * used by Sancus, the TrustZone stubs, the Python deployer and {@code reactive_crypto}
 * (protocol.md §5.2, encryption type 1).
 *
 * <p>Guarantees: {@link #wrap} returns {@code ciphertext || tag}, the ciphertext as long as the
 * plaintext and the tag {@link SpongentVariant#tagLength()} bytes; {@link #unwrap} returns the
 * plaintext only if the tag matches, compares tags in constant time, and reports every failure as
 * the same {@link AuthenticationFailedException}. Instances are immutable and thread-safe.
 *
 * <p>Not guaranteed: SpongeWrap takes no nonce. Wrapping the same associated data and plaintext
 * twice gives the same output, and two messages with the same associated data leak the XOR of
 * their plaintexts. Freshness must come from the associated data (the protocol's per-connection
 * counter); this class does not track it. Odd lengths are accepted, as Sancus, TrustZone and the
 * Python deployer accept them, but the Rust {@code reactive_crypto} of SGX and native modules
 * rejects an odd-length plaintext or associated data, so a peer of those must use even lengths.
 */
public final class SpongeWrap {
  private static final int ENCRYPT = 0;
  private static final int DECRYPT = 1;

  private final SpongentVariant variant;
  /** The state after absorbing the key: the same for every message, so absorbed once. */
  private final SpongentState keyed;

  private SpongeWrap(SpongentVariant variant, SpongentState keyed) {
    this.variant = variant;
    this.keyed = keyed;
  }

  /**
   * A SpongeWrap instance for {@code key}.
   *
   * @throws IllegalArgumentException if the key length is not {@link SpongentVariant#keyLength()}
   */
  public static SpongeWrap create(SpongentVariant variant, SymmetricKey key) {
    Objects.requireNonNull(variant, "variant");
    if (key.length() != variant.keyLength()) {
      throw new IllegalArgumentException("SpongeWrap key length for " + variant + ": "
          + key.length() + " bytes (expected: " + variant.keyLength() + ")");
    }
    SpongentState state = new SpongentState(variant.permutation());
    byte[] k = key.revealBytes();
    try {
      for (int off = 0; off < k.length; off += 2) {
        duplex(state, block(k, off, 2), 2, off + 2 < k.length ? 1 : 0);
      }
    } finally {
      Arrays.fill(k, (byte) 0);
    }
    return new SpongeWrap(variant, state);
  }

  public SpongentVariant variant() {
    return variant;
  }

  /** Encrypts and authenticates: returns {@code ciphertext || tag}. Inputs may be empty. */
  public byte[] wrap(byte[] associatedData, byte[] plaintext) {
    byte[] out = new byte[plaintext.length + variant.tagLength()];
    run(associatedData, plaintext, plaintext.length, out, ENCRYPT);
    return out;
  }

  /**
   * Checks and decrypts {@code ciphertext || tag}; returns the plaintext.
   *
   * @throws AuthenticationFailedException if the input is shorter than a tag ({@code TRUNCATED})
   *     or the tag does not match the key, associated data and ciphertext ({@code BAD_TAG})
   */
  public byte[] unwrap(byte[] associatedData, byte[] ciphertextAndTag)
      throws AuthenticationFailedException {
    int length = ciphertextAndTag.length - variant.tagLength();
    if (length < 0) {
      throw new AuthenticationFailedException(Reason.TRUNCATED);
    }
    byte[] out = new byte[ciphertextAndTag.length];
    run(associatedData, ciphertextAndTag, length, out, DECRYPT);
    byte[] tag = Arrays.copyOfRange(ciphertextAndTag, length, ciphertextAndTag.length);
    byte[] expected = Arrays.copyOfRange(out, length, out.length);
    if (!ConstantTime.equals(expected, tag)) {
      Arrays.fill(out, (byte) 0);
      throw new AuthenticationFailedException(Reason.BAD_TAG);
    }
    return Arrays.copyOf(out, length);
  }

  @Override
  public String toString() {
    return "SpongeWrap[" + variant + "]";
  }

  /**
   * Absorbs the associated data, turns {@code in[0…length)} into {@code out[0…length)}, and writes
   * the tag after it. The two directions differ only in which side is the plaintext that the
   * sponge absorbs.
   */
  private void run(byte[] ad, byte[] in, int length, byte[] out, int direction) {
    SpongentState state = keyed.copy();
    int z = absorbAssociatedData(state, ad);
    int last = Math.max(0, (length - 1) / 2 * 2);
    for (int off = 0; ; off += 2) {
      int n = Math.min(2, length - off);
      int input = block(in, off, n);
      int output = (input ^ z) & ((1 << (8 * n)) - 1);
      put(out, off, output, n);
      int plain = direction == ENCRYPT ? input : output;
      if (off == last) {
        squeezeTag(state, plain, n, out, length);
        return;
      }
      z = duplex(state, plain, n, 1);
    }
  }

  /** Frame bit 0 on every associated-data block but the last, 1 on the last (also if empty). */
  private static int absorbAssociatedData(SpongentState state, byte[] ad) {
    int last = Math.max(0, (ad.length - 1) / 2 * 2);
    for (int off = 0; ; off += 2) {
      int n = Math.min(2, ad.length - off);
      int z = duplex(state, block(ad, off, n), n, off == last ? 1 : 0);
      if (off == last) {
        return z;
      }
    }
  }

  /** The last plaintext block with frame bit 0, then plain squeezes, two tag bytes each. */
  private void squeezeTag(SpongentState state, int lastBlock, int n, byte[] out, int offset) {
    put(out, offset, duplex(state, lastBlock, n, 0), 2);
    for (int off = offset + 2; off < out.length; off += 2) {
      put(out, off, absorb(state, 0x01), 2);
    }
  }

  /** The duplex call D(B, f): block, then the frame bit f, then the pad bit. */
  private static int duplex(SpongentState state, int block, int n, int frame) {
    return absorb(state, block | (frame | 0x02) << (8 * n));
  }

  private static int absorb(SpongentState state, int padded) {
    state.xorBytes(padded, 0);
    state.permute();
    return (int) state.readBytes(0) & 0xFFFF;
  }

  /** {@code n} (0, 1 or 2) bytes of {@code a} from {@code off}, little-endian. */
  private static int block(byte[] a, int off, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      v |= (a[off + i] & 0xFF) << (8 * i);
    }
    return v;
  }

  private static void put(byte[] a, int off, int v, int n) {
    for (int i = 0; i < n; i++) {
      a[off + i] = (byte) (v >>> (8 * i));
    }
  }
}
