package dev.aex.crypto;

import java.security.GeneralSecurityException;

/**
 * A message did not authenticate: wrong key, changed ciphertext, tag or associated data, a
 * truncated frame, or a replay. The message is the same for every cause on purpose, so that
 * nothing returned to an untrusted peer tells it which check failed; callers that need to count
 * causes locally read {@link #reason()}.
 */
public final class AuthenticationFailedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /** Why the message was rejected, for local logs and counters only; never send it to a peer. */
  public enum Reason {
    /** The tag did not match (wrong key, or anything authenticated was changed). */
    BAD_TAG,
    /** The frame is shorter than the suite's fixed overhead. */
    TRUNCATED,
    /** The counter was accepted before, or lies below the replay window. */
    REPLAY,
    /** The frame is malformed in a way the suite defines (e.g. a counter out of range). */
    MALFORMED
  }

  private final Reason reason;

  public AuthenticationFailedException(Reason reason) {
    super("decryption failed");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
