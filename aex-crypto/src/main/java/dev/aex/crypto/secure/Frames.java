package dev.aex.crypto.secure;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import java.nio.ByteBuffer;

/** Byte layout of the secure suite's frames and IVs (see {@link SecureAesGcm}). */
final class Frames {
  private Frames() {}

  static byte[] iv(int direction, long counter) {
    return ByteBuffer.allocate(12).putInt(direction).putLong(counter).array();
  }

  static byte[] withCounter(long counter, byte[] sealed) {
    return ByteBuffer.allocate(SecureAesGcm.COUNTER_BYTES + sealed.length)
        .putLong(counter)
        .put(sealed)
        .array();
  }

  /** The frame's counter, after checking that the frame can hold a counter and a tag. */
  static long counter(byte[] frame) throws AuthenticationFailedException {
    if (frame.length < SecureAesGcm.OVERHEAD) {
      throw new AuthenticationFailedException(Reason.TRUNCATED);
    }
    long counter = ByteBuffer.wrap(frame).getLong();
    if (counter < 0) {
      // Senders stop at 2^63 - 1, so a counter with the top bit set was never sent.
      throw new AuthenticationFailedException(Reason.MALFORMED);
    }
    return counter;
  }
}
