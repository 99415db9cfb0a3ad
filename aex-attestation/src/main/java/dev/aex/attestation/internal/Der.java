package dev.aex.attestation.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One DER TLV (single-byte tags, definite lengths), enough for Intel's PCK certificate extension
 * and ECDSA signatures. Every read is bounds-checked; malformed input throws
 * {@link IllegalArgumentException}, which callers turn into the check they stand for.
 */
public record Der(int tag, byte[] data, int start, int end) {
  public static final int INTEGER = 0x02;
  public static final int OCTET_STRING = 0x04;
  public static final int OID = 0x06;
  public static final int ENUMERATED = 0x0a;
  public static final int SEQUENCE = 0x30;

  /** The single TLV that must make up all of {@code bytes}. */
  public static Der parse(byte[] bytes) {
    Der node = at(bytes, 0, bytes.length);
    if (node.end != bytes.length) {
      throw new IllegalArgumentException("trailing bytes after DER value");
    }
    return node;
  }

  private static Der at(byte[] data, int offset, int limit) {
    if (limit - offset < 2) {
      throw new IllegalArgumentException("DER truncated at " + offset);
    }
    int tag = data[offset] & 0xff;
    int first = data[offset + 1] & 0xff;
    int pos = offset + 2;
    long length = first;
    if (first >= 0x80) {
      int count = first & 0x7f;
      if (count == 0 || count > 3 || limit - pos < count) {
        throw new IllegalArgumentException("bad DER length at " + offset);
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = length << 8 | (data[pos++] & 0xff);
      }
    }
    if (length > limit - pos) {
      throw new IllegalArgumentException("DER value longer than its container at " + offset);
    }
    return new Der(tag, data, pos, pos + (int) length);
  }

  /** The TLVs inside this constructed value. */
  public List<Der> children() {
    List<Der> out = new ArrayList<>();
    for (int pos = start; pos < end; ) {
      Der child = at(data, pos, end);
      out.add(child);
      pos = child.end;
    }
    return out;
  }

  public Der expect(int expectedTag) {
    if (tag != expectedTag) {
      throw new IllegalArgumentException("DER tag 0x" + Integer.toHexString(tag) + " (expected: 0x"
          + Integer.toHexString(expectedTag) + ")");
    }
    return this;
  }

  public byte[] content() {
    return Arrays.copyOfRange(data, start, end);
  }

  public BigInteger integer() {
    if (end == start) {
      throw new IllegalArgumentException("empty DER integer");
    }
    return new BigInteger(content());
  }

  /** Dotted decimal, e.g. {@code 1.2.840.113741.1.13.1.4}. */
  public String oid() {
    expect(OID);
    if (end == start || (data[end - 1] & 0x80) != 0) {
      throw new IllegalArgumentException("malformed OID");
    }
    StringBuilder out = new StringBuilder();
    long value = 0;
    for (int i = start; i < end; i++) {
      value = value << 7 | (data[i] & 0x7f);
      if ((data[i] & 0x80) == 0) {
        if (out.isEmpty()) {
          long top = Math.min(value / 40, 2);
          out.append(top).append('.').append(value - top * 40);
        } else {
          out.append('.').append(value);
        }
        value = 0;
      }
    }
    return out.toString();
  }
}
