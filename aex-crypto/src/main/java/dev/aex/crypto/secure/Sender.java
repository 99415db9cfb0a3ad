package dev.aex.crypto.secure;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The sending side of one key: owns the counter, so each call gets a counter no other call got.
 * Thread-safe; concurrent calls may reach the receiver out of order, which its window accepts.
 */
public final class Sender {
  private final SecureAesGcm suite;
  private final AtomicLong next;

  Sender(SecureAesGcm suite, long first) {
    this.suite = suite;
    this.next = new AtomicLong(first);
  }

  /** Encrypts one message; returns the frame {@code [counter:8][ciphertext][tag:16]}. */
  public byte[] seal(byte[] associatedData, byte[] plaintext) {
    return suite.seal(SecureAesGcm.FORWARD, take(), associatedData, plaintext);
  }

  /** Encrypts a request whose reply {@link PendingRequest#openReply} then authenticates. */
  public PendingRequest sealRequest(byte[] associatedData, byte[] plaintext) {
    long counter = take();
    byte[] frame = suite.seal(SecureAesGcm.FORWARD, counter, associatedData, plaintext);
    return new PendingRequest(suite, counter, frame);
  }

  /** The counter the next message will use; persist it to resume this sender later. */
  public long nextCounter() {
    return next.get();
  }

  private long take() {
    long counter = next.getAndUpdate(c -> c == Long.MAX_VALUE ? c : c + 1);
    if (counter == Long.MAX_VALUE) {
      throw new CounterExhaustedException();
    }
    return counter;
  }
}
