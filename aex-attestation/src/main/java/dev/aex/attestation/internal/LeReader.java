package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import dev.aex.attestation.HexBytes;

/**
 * Reads little-endian fields from a window of a quote, checking every length against what is left
 * before reading, so malformed input ends in a {@link Check#QUOTE_FORMAT} error that names the
 * field and its offset, never in an index exception.
 */
final class LeReader {
  private final byte[] data;
  private final int limit;
  private int position;

  LeReader(byte[] data, int offset, int limit) {
    this.data = data;
    this.position = offset;
    this.limit = limit;
  }

  int position() {
    return position;
  }

  int remaining() {
    return limit - position;
  }

  int u16(String field) throws AttestationException {
    require(field, 2);
    int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
    position += 2;
    return value;
  }

  /** A u32 that must fit an int: every length in a quote is far below 2^31. */
  int u32(String field) throws AttestationException {
    require(field, 4);
    long value = 0;
    for (int i = 3; i >= 0; i--) {
      value = value << 8 | (data[position + i] & 0xff);
    }
    if (value > Integer.MAX_VALUE) {
      throw format(field + ": " + value + " at offset " + position + " (expected: below 2^31)");
    }
    position += 4;
    return (int) value;
  }

  HexBytes bytes(String field, int length) throws AttestationException {
    require(field, length);
    HexBytes out = HexBytes.copyOf(data, position, length);
    position += length;
    return out;
  }

  /** A reader over the next {@code length} bytes; this reader moves past them. */
  LeReader slice(String field, int length) throws AttestationException {
    require(field, length);
    LeReader slice = new LeReader(data, position, position + length);
    position += length;
    return slice;
  }

  void expectEnd(String what) throws AttestationException {
    if (remaining() != 0) {
      throw format(what + ": " + remaining() + " bytes left over at offset " + position
          + " (expected: the declared length to match the parsed structure)");
    }
  }

  private void require(String field, int length) throws AttestationException {
    if (length < 0 || remaining() < length) {
      throw format(field + ": needs " + length + " bytes at offset " + position + ", only "
          + remaining() + " left (quote truncated or a length field is wrong)");
    }
  }

  static AttestationException format(String message) {
    return new AttestationException(Check.QUOTE_FORMAT, message);
  }
}
