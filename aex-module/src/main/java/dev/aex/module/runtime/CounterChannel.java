package dev.aex.module.runtime;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.wire.ResultCode;
import dev.aex.wire.payload.SealedData;

/**
 * A connection under an original suite (legacy AES or SPONGENT) with the original semantics
 * (protocol.md §4.4–§4.6): one u16 counter per connection, associated data {@code BE16(n)}, the
 * receiver accepts exactly the next counter, and a request takes two counters (n for the
 * request, n + 1 for its reply).
 *
 * <p>Unlike the original, the counter never wraps and never panics: once an operation would
 * take it past 65535, the connection refuses everything with CryptoError until it is re-keyed.
 */
final class CounterChannel implements ChannelCipher {
  private static final int MAX_COUNTER = 0xffff;

  private final String name;
  private final CounterAead aead;
  private int next; // guarded by this

  CounterChannel(int connId, CounterAead aead) {
    this.name = "connection " + connId;
    this.aead = aead;
  }

  @Override
  public int overhead() {
    return SealedData.TAG_LENGTH;
  }

  @Override
  public synchronized byte[] open(byte[] sealed) throws Rejection {
    int n = reserve(1);
    byte[] plaintext = decrypt(n, sealed, name);
    next = n + 1;
    return plaintext;
  }

  @Override
  public byte[] seal(byte[] plaintext) throws Rejection {
    int n;
    synchronized (this) {
      n = reserve(1);
      next = n + 1;
    }
    return aead.seal(Be16.of(n), plaintext);
  }

  @Override
  public OpenedRequest openRequest(byte[] sealed) throws Rejection {
    int n;
    byte[] plaintext;
    synchronized (this) {
      n = reserve(2);
      plaintext = decrypt(n, sealed, name);
      next = n + 2;
    }
    return new OpenedRequest(plaintext, answer -> aead.seal(Be16.of(n + 1), answer));
  }

  @Override
  public SentRequest sealRequest(byte[] plaintext) throws Rejection {
    int n;
    synchronized (this) {
      n = reserve(2);
      next = n + 2;
    }
    return new SentRequest(
        aead.seal(Be16.of(n), plaintext), reply -> decrypt(n + 1, reply, name + " reply"));
  }

  /** The next counter, if {@code count} counters from it still fit the u16 field. */
  private int reserve(int count) throws Rejection {
    if (next + count > MAX_COUNTER) {
      throw new Rejection(
          ResultCode.CRYPTO_ERROR,
          name + ": 16-bit counter exhausted at " + next + ", the connection must be re-keyed");
    }
    return next;
  }

  private byte[] decrypt(int n, byte[] sealed, String context) throws Rejection {
    try {
      return aead.open(Be16.of(n), sealed);
    } catch (AuthenticationFailedException e) {
      throw Rejection.crypto(context, e);
    }
  }
}
