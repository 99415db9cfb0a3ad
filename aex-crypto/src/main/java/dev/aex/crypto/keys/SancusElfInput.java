package dev.aex.crypto.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little-endian reads from an ELF image where every offset comes from the (untrusted) file itself,
 * so each read checks its range first and names the field when it fails. Offsets are longs
 * because ELF stores them as unsigned 32-bit values.
 */
final class SancusElfInput {
  private final byte[] data;

  SancusElfInput(byte[] data) {
    this.data = data;
  }

  int u8(long offset, String field) throws SancusElfException {
    require(offset, 1, field);
    return data[(int) offset] & 0xFF;
  }

  int u16(long offset, String field) throws SancusElfException {
    require(offset, 2, field);
    int i = (int) offset;
    return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
  }

  long u32(long offset, String field) throws SancusElfException {
    require(offset, 4, field);
    return u16(offset, field) | (long) u16(offset + 2, field) << 16;
  }

  byte[] bytes(long offset, long length, String field) throws SancusElfException {
    require(offset, length, field);
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }

  /** The NUL-terminated string at {@code index} of the string table {@code [start, start+size)}. */
  String string(long start, long size, long index, String field) throws SancusElfException {
    require(start, size, field + " string table");
    if (index >= size) {
      throw new SancusElfException(field + " name offset: " + index
          + " (expected: below the string table size " + size + ")");
    }
    int from = (int) (start + index);
    int end = (int) (start + size);
    for (int i = from; i < end; i++) {
      if (data[i] == 0) {
        return new String(data, from, i - from, StandardCharsets.ISO_8859_1);
      }
    }
    throw new SancusElfException(field + " name at string table offset " + index
        + " is not NUL-terminated before the end of the table");
  }

  void require(long offset, long length, String field) throws SancusElfException {
    if (offset < 0 || length < 0 || offset + length > data.length) {
      throw new SancusElfException(field + ": bytes 0x" + Long.toHexString(offset) + "+"
          + length + " (expected: within the file, size " + data.length + ")");
    }
  }
}
