package dev.aex.attestation;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string from evidence: a measurement, report data, an FMSPC. Copies in, copies
 * out; {@code equals} compares contents; {@code toString} is the full lower-case hex (these values
 * are public and short, never keys). {@link #equalsConstantTime} is for comparisons whose timing
 * must not depend on where the first difference is.
 */
public final class HexBytes {
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] data;

  private HexBytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code bytes}. */
  public static HexBytes of(byte... bytes) {
    return new HexBytes(bytes.clone());
  }

  /** Parses hex digits, either case. */
  public static HexBytes fromHex(String hex) {
    return new HexBytes(HEX.parseHex(hex));
  }

  /** A copy of {@code length} bytes of {@code source} from {@code offset}. */
  public static HexBytes copyOf(byte[] source, int offset, int length) {
    return new HexBytes(Arrays.copyOfRange(source, offset, offset + length));
  }

  public int size() {
    return data.length;
  }

  /** A fresh copy of the bytes. */
  public byte[] toByteArray() {
    return data.clone();
  }

  public byte get(int index) {
    return data[index];
  }

  /** True if every byte is zero. */
  public boolean isZero() {
    for (byte b : data) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Content equality in time that depends only on the lengths. */
  public boolean equalsConstantTime(HexBytes other) {
    return MessageDigest.isEqual(data, other.data);
  }

  public String hex() {
    return HEX.formatHex(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HexBytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return hex();
  }
}
