package dev.aex.crypto.secure;

import java.util.concurrent.atomic.AtomicBoolean;

/** An authenticated request; it can seal one reply, bound to the request's counter. */
public final class ReceivedRequest {
  private final SecureAesGcm suite;
  private final long counter;
  private final byte[] plaintext;
  private final AtomicBoolean replied = new AtomicBoolean();

  ReceivedRequest(SecureAesGcm suite, long counter, byte[] plaintext) {
    this.suite = suite;
    this.counter = counter;
    this.plaintext = plaintext;
  }

  public byte[] plaintext() {
    return plaintext.clone();
  }

  /**
   * Seals the reply frame. A second call throws: two replies would share one IV.
   *
   * @throws IllegalStateException if this request was answered already
   */
  public byte[] sealReply(byte[] associatedData, byte[] reply) {
    if (!replied.compareAndSet(false, true)) {
      throw new IllegalStateException("this request was answered already; one reply per request");
    }
    return suite.seal(SecureAesGcm.REPLY, counter, associatedData, reply);
  }
}
