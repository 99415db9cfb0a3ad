package dev.aex.crypto.secure;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;

/** A sealed request, waiting for the one reply that answers it. */
public final class PendingRequest {
  private final SecureAesGcm suite;
  private final long counter;
  private final byte[] frame;

  PendingRequest(SecureAesGcm suite, long counter, byte[] frame) {
    this.suite = suite;
    this.counter = counter;
    this.frame = frame;
  }

  /** The request frame to send. */
  public byte[] frame() {
    return frame.clone();
  }

  /** The counter the request was sealed with. */
  public long counter() {
    return counter;
  }

  /**
   * Authenticates the reply and returns its plaintext. Only a reply sealed for this request's
   * counter, under the reply direction, passes: a replayed or redirected reply fails.
   */
  public byte[] openReply(byte[] associatedData, byte[] replyFrame)
      throws AuthenticationFailedException {
    if (Frames.counter(replyFrame) != counter) {
      throw new AuthenticationFailedException(Reason.REPLAY);
    }
    return suite.open(SecureAesGcm.REPLY, counter, associatedData, replyFrame);
  }
}
