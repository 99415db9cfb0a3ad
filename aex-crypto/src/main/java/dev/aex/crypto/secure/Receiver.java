package dev.aex.crypto.secure;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;

/**
 * The receiving side of one key. Accepts every authentic frame whose counter it has not accepted
 * before and that is not older than its window; rejects all others with the same
 * {@link AuthenticationFailedException}. Forged frames never move the window. Thread-safe.
 */
public final class Receiver {
  private final SecureAesGcm suite;
  private final ReplayWindow window;

  Receiver(SecureAesGcm suite, ReplayWindow window) {
    this.suite = suite;
    this.window = window;
  }

  /** Authenticates and decrypts one frame, then records its counter as used. */
  public byte[] open(byte[] associatedData, byte[] frame) throws AuthenticationFailedException {
    long counter = Frames.counter(frame);
    return accept(counter, suite.open(SecureAesGcm.FORWARD, counter, associatedData, frame));
  }

  /** As {@link #open}, for a request: the result can seal exactly one reply. */
  public ReceivedRequest openRequest(byte[] associatedData, byte[] frame)
      throws AuthenticationFailedException {
    long counter = Frames.counter(frame);
    byte[] plaintext = suite.open(SecureAesGcm.FORWARD, counter, associatedData, frame);
    return new ReceivedRequest(suite, counter, accept(counter, plaintext));
  }

  private byte[] accept(long counter, byte[] plaintext) throws AuthenticationFailedException {
    // The window is checked after authentication, so a forged counter cannot advance it.
    if (!window.markIfFresh(counter)) {
      throw new AuthenticationFailedException(Reason.REPLAY);
    }
    return plaintext;
  }
}
