package dev.aex.module.runtime;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.CounterExhaustedException;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.ReceivedRequest;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.wire.ResultCode;
import dev.aex.wire.payload.ReservedEntry;

/**
 * A connection under the secure AES suite (SECURITY.md §3, §4): events use the associated data
 * {@code BE16(3) ‖ BE16(conn_id)}, requests and replies {@code BE16(4) ‖ BE16(conn_id)}. A fresh
 * key starts a fresh sender and receiver, so re-keying also resets the counters.
 */
final class SecureChannel implements ChannelCipher {
  private final String name;
  private final byte[] eventAd;
  private final byte[] requestAd;
  private final Sender sender;
  private final Receiver receiver;

  SecureChannel(int connId, SymmetricKey key) {
    SecureAesGcm suite = SecureAesGcm.create(key);
    this.name = "connection " + connId;
    this.eventAd = Be16.pair(ReservedEntry.HANDLE_INPUT.id(), connId);
    this.requestAd = Be16.pair(ReservedEntry.HANDLE_HANDLER.id(), connId);
    this.sender = suite.newSender();
    this.receiver = suite.newReceiver();
  }

  @Override
  public int overhead() {
    return SecureAesGcm.OVERHEAD;
  }

  @Override
  public byte[] open(byte[] frame) throws Rejection {
    try {
      return receiver.open(eventAd, frame);
    } catch (AuthenticationFailedException e) {
      throw Rejection.crypto(name, e);
    }
  }

  @Override
  public byte[] seal(byte[] plaintext) throws Rejection {
    try {
      return sender.seal(eventAd, plaintext);
    } catch (CounterExhaustedException e) {
      throw exhausted();
    }
  }

  @Override
  public OpenedRequest openRequest(byte[] frame) throws Rejection {
    try {
      ReceivedRequest request = receiver.openRequest(requestAd, frame);
      return new OpenedRequest(request.plaintext(), answer -> request.sealReply(requestAd, answer));
    } catch (AuthenticationFailedException e) {
      throw Rejection.crypto(name, e);
    }
  }

  @Override
  public SentRequest sealRequest(byte[] plaintext) throws Rejection {
    PendingRequest pending;
    try {
      pending = sender.sealRequest(requestAd, plaintext);
    } catch (CounterExhaustedException e) {
      throw exhausted();
    }
    return new SentRequest(
        pending.frame(),
        reply -> {
          try {
            return pending.openReply(requestAd, reply);
          } catch (AuthenticationFailedException e) {
            throw Rejection.crypto(name + " reply", e);
          }
        });
  }

  private Rejection exhausted() {
    return new Rejection(
        ResultCode.CRYPTO_ERROR, name + ": counter exhausted, the connection must be re-keyed");
  }
}
