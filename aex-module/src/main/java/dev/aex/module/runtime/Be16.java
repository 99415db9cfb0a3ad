package dev.aex.module.runtime;

/** Big-endian u16 fields, the only integer encoding of the protocol's associated data. */
final class Be16 {
  private Be16() {}

  static byte[] of(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  /** {@code BE16(first) ‖ BE16(second)}, e.g. the secure suite's {@code entry ‖ conn_id}. */
  static byte[] pair(int first, int second) {
    return new byte[] {(byte) (first >>> 8), (byte) first, (byte) (second >>> 8), (byte) second};
  }

  static int read(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff) << 8 | (bytes[offset + 1] & 0xff);
  }
}
