package dev.aex.crypto.secure;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.internal.AesGcmCipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secure AES suite of aex (SECURITY.md): AES-128-GCM whose 96-bit IV is a direction word and a
 * 64-bit counter, so that no (key, IV) pair is ever used twice. Each frame carries its counter:
 *
 * <pre>
 *   frame = [counter:8 BE][ciphertext:len(plaintext)][tag:16]
 *   IV    = [direction:4 BE][counter:8 BE]      direction 1 = forward, 2 = reply
 * </pre>
 *
 * <p>Callers never supply an IV or a counter. A {@link Sender} owns the forward counter of one key;
 * a {@link Receiver} accepts each counter at most once, within a sliding window that tolerates loss
 * and reordering. A request's reply reuses the request's counter under the reply direction, so it
 * is bound to that request and still never repeats an IV.
 *
 * <p>One key must have at most one {@link Sender} over its whole life (the deployer persists the
 * next counter, see {@link #resumeSender}); a second sender from counter 0 would reuse IVs.
 */
public final class SecureAesGcm {
  /** The encryption-type byte that selects this suite in set_key (0 = legacy AES, 1 = SPONGENT). */
  public static final int ENCRYPTION_TYPE = 2;
  /** Bytes of the counter at the start of each frame. */
  public static final int COUNTER_BYTES = 8;
  /** Bytes a frame adds to its plaintext: the counter and the tag. */
  public static final int OVERHEAD = COUNTER_BYTES + AesGcmCipher.TAG_BYTES;
  /** Receiver window, in counters, unless a caller chooses another. */
  public static final int DEFAULT_WINDOW = 65536;

  static final int FORWARD = 1;
  static final int REPLY = 2;

  private final SecretKeySpec key;

  private SecureAesGcm(SecretKeySpec key) {
    this.key = key;
  }

  /** The suite under a 16-byte connection or module key. */
  public static SecureAesGcm create(SymmetricKey key) {
    return new SecureAesGcm(AesGcmCipher.keySpec(key));
  }

  /** The one sender of a fresh key, starting at counter 0. */
  public Sender newSender() {
    return new Sender(this, 0);
  }

  /**
   * The sender of a key that has sent before, continuing at {@code nextCounter}. The caller must
   * have stored that value durably before any counter below it was used, or IVs repeat.
   */
  public Sender resumeSender(long nextCounter) {
    if (nextCounter < 0) {
      throw new IllegalArgumentException("next counter: " + nextCounter + " (expected: >= 0)");
    }
    return new Sender(this, nextCounter);
  }

  /** A receiver with the default window of {@value #DEFAULT_WINDOW} counters. */
  public Receiver newReceiver() {
    return new Receiver(this, new ReplayWindow(DEFAULT_WINDOW));
  }

  /** A receiver whose window holds {@code window} counters (a power of two, 64 to 65536). */
  public Receiver newReceiver(int window) {
    return new Receiver(this, new ReplayWindow(window));
  }

  byte[] seal(int direction, long counter, byte[] ad, byte[] plaintext) {
    byte[] iv = Frames.iv(direction, counter);
    byte[] sealed = AesGcmCipher.seal(key, iv, ad, plaintext);
    return Frames.withCounter(counter, sealed);
  }

  byte[] open(int direction, long counter, byte[] ad, byte[] frame)
      throws AuthenticationFailedException {
    return AesGcmCipher.open(key, Frames.iv(direction, counter), ad, frame, COUNTER_BYTES);
  }
}
