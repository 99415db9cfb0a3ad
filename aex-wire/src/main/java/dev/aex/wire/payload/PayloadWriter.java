package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import java.nio.ByteBuffer;

/** Builds a payload of a size known in advance, big-endian as every payload field is (§1.6). */
final class PayloadWriter {
  private final ByteBuffer buffer;

  private PayloadWriter(int size) {
    buffer = ByteBuffer.allocate(size);
  }

  static PayloadWriter of(int size) {
    return new PayloadWriter(size);
  }

  PayloadWriter u8(int value) {
    buffer.put((byte) value);
    return this;
  }

  PayloadWriter u16(int value) {
    buffer.putShort((short) value);
    return this;
  }

  PayloadWriter u32(long value) {
    buffer.putInt((int) value);
    return this;
  }

  PayloadWriter bytes(Bytes value) {
    buffer.put(value.asByteBuffer());
    return this;
  }

  Bytes done() {
    if (buffer.hasRemaining()) {
      throw new IllegalStateException("payload size miscounted: " + buffer.remaining() + " unused");
    }
    return Bytes.of(buffer.array());
  }
}
