package dev.aex.attestation.internal;

import dev.aex.attestation.HexBytes;
import java.io.ByteArrayOutputStream;

/** Writes the little-endian fields of a quote (for the simulation provider). */
public final class LeWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public LeWriter u16(int value) {
    out.write(value);
    out.write(value >>> 8);
    return this;
  }

  public LeWriter u32(int value) {
    return u16(value & 0xffff).u16(value >>> 16);
  }

  public LeWriter bytes(byte[] value) {
    out.writeBytes(value);
    return this;
  }

  public LeWriter bytes(HexBytes value) {
    return bytes(value.toByteArray());
  }

  public LeWriter zeros(int count) {
    return bytes(new byte[count]);
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
