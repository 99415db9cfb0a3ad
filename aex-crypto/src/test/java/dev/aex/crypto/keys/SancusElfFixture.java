package dev.aex.crypto.keys;

import dev.aex.testkit.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * A mutable copy of a shared Sancus ELF with just enough independent ELF knowledge (offsets from
 * the ELF32 specification) to corrupt chosen fields, so tests do not rely on the reader under test.
 */
final class SancusElfFixture {
  static final String[] FILES = {
    "sancus/reactive_led.elf", "sancus/reactive.elf", "sancus/reactive_debug.elf"
  };

  final byte[] bytes;
  private final ByteBuffer buffer;

  SancusElfFixture(String file) {
    try {
      bytes = Files.readAllBytes(Vectors.file(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  int u16(int offset) {
    return buffer.getShort(offset) & 0xFFFF;
  }

  int u32(int offset) {
    return buffer.getInt(offset);
  }

  void put16(int offset, int value) {
    buffer.putShort(offset, (short) value);
  }

  void put32(int offset, int value) {
    buffer.putInt(offset, value);
  }

  int sectionTable() {
    return u32(0x20);
  }

  int sectionCount() {
    return u16(0x30);
  }

  /** Offset of the header of section {@code index}. */
  int section(int index) {
    return sectionTable() + 40 * index;
  }

  /** Offset of the header of the first section of {@code type}. */
  int sectionOfType(int type) {
    for (int i = 0; i < sectionCount(); i++) {
      if (u32(section(i) + 4) == type) {
        return section(i);
      }
    }
    throw new AssertionError("no section of type " + type);
  }

  /** Offset of the section header named {@code name}. */
  int sectionNamed(String name) {
    int names = section(u16(0x32));
    for (int i = 0; i < sectionCount(); i++) {
      if (name.equals(string(u32(names + 16) + u32(section(i))))) {
        return section(i);
      }
    }
    throw new AssertionError("no section " + name);
  }

  /** Offset of the symbol table entry named {@code name}. */
  int symbol(String name) {
    int table = sectionOfType(2);
    int strings = section(u32(table + 24));
    for (int e = u32(table + 16); e < u32(table + 16) + u32(table + 20); e += 16) {
      if (name.equals(string(u32(strings + 16) + u32(e)))) {
        return e;
      }
    }
    throw new AssertionError("no symbol " + name);
  }

  private String string(int offset) {
    int end = offset;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
  }
}
