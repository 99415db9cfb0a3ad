package dev.aex.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes, the only byte container that aex-wire records hold.
 *
 * <p>Guarantees: the contents never change after construction ({@link #of} copies in, {@link
 * #toByteArray} copies out); {@code equals} and {@code hashCode} compare contents; {@link
 * #toString} is bounded (at most {@value #TO_STRING_BYTES} bytes of hex) so a 10 MiB Load body
 * never floods a log. Not guaranteed: secrecy. {@code toString} shows the leading bytes, so key
 * material belongs in a type of its own, never in {@code Bytes}. Equality is not constant-time.
 */
public final class Bytes {
  private static final int TO_STRING_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** The empty byte string. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** A copy of {@code bytes}; later changes to the array do not show through. */
  public static Bytes of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /**
   * Parses hex digits (either case, no separators).
   *
   * @throws IllegalArgumentException if {@code hex} has odd length or a non-hex character
   */
  public static Bytes fromHex(String hex) {
    return wrap(HEX.parseHex(hex));
  }

  /** Takes ownership of {@code owned} without copying; callers must never touch it again. */
  static Bytes wrap(byte[] owned) {
    return owned.length == 0 ? EMPTY : new Bytes(owned);
  }

  /** The backing array, for codecs in this package that only read it. */
  byte[] array() {
    return data;
  }

  public int size() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  /** The byte at {@code index}, as a signed Java byte. */
  public byte get(int index) {
    return data[index];
  }

  /** The byte at {@code index} as an unsigned value 0..255. */
  public int getUnsigned(int index) {
    return data[index] & 0xff;
  }

  /** A fresh copy of the contents. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** A read-only view of the contents, without copying. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** Bytes {@code from} (inclusive) to {@code to} (exclusive), copied. */
  public Bytes slice(int from, int to) {
    if (from < 0 || to > data.length || from > to) {
      throw new IndexOutOfBoundsException(
          "slice [" + from + ", " + to + ") of " + data.length + " bytes");
    }
    return wrap(Arrays.copyOfRange(data, from, to));
  }

  /** This followed by {@code other}. */
  public Bytes concat(Bytes other) {
    byte[] joined = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, joined, data.length, other.data.length);
    return wrap(joined);
  }

  /** All bytes as lower-case hex, unbounded (unlike {@link #toString}). */
  public String hex() {
    return HEX.formatHex(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  /** {@code [hex]} for short values, else the first 32 bytes and {@code …(N bytes)}. */
  @Override
  public String toString() {
    if (data.length <= TO_STRING_BYTES) {
      return "[" + hex() + "]";
    }
    return "[" + HEX.formatHex(data, 0, TO_STRING_BYTES) + "…(" + data.length + " bytes)]";
  }
}
