package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;

/**
 * A cursor over a payload whose size was checked up front against the layout, so the field reads
 * that follow cannot run past the end.
 */
final class PayloadReader {
  private final Bytes payload;
  private int pos;

  private PayloadReader(Bytes payload) {
    this.payload = payload;
  }

  /** For fixed layouts, e.g. {@code Connect payload length: 3 (expected: 11)}. */
  static PayloadReader exactly(Bytes payload, int size, String type)
      throws MalformedPayloadException {
    if (payload.size() != size) {
      throw new MalformedPayloadException(type + " payload length", payload.size(), "" + size);
    }
    return new PayloadReader(payload);
  }

  /** For layouts that end in a variable part. */
  static PayloadReader atLeast(Bytes payload, int min, String type)
      throws MalformedPayloadException {
    if (payload.size() < min) {
      throw new MalformedPayloadException(type + " payload length", payload.size(), ">= " + min);
    }
    return new PayloadReader(payload);
  }

  int u8() {
    return payload.getUnsigned(pos++);
  }

  int u16() {
    return u8() << 8 | u8();
  }

  long u32() {
    return (long) u16() << 16 | u16();
  }

  Bytes bytes(int n) {
    pos += n;
    return payload.slice(pos - n, pos);
  }

  Bytes rest() {
    return bytes(payload.size() - pos);
  }

  int remaining() {
    return payload.size() - pos;
  }
}
