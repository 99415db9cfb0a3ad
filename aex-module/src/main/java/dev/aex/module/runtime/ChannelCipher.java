package dev.aex.module.runtime;

import java.util.function.UnaryOperator;

/**
 * The cipher state of one connection, bound to its conn_id: it builds the associated data and
 * tracks the freshness counters, so callers pass only data. Thread-safe; callers that need events
 * to leave in counter order hold the connection's send lock from sealing until the bytes are
 * written.
 */
sealed interface ChannelCipher permits SecureChannel, CounterChannel {
  /** Bytes a sealed frame adds to its plaintext. */
  int overhead();

  /** Authenticates and decrypts an incoming event (handle_input). */
  byte[] open(byte[] frame) throws Rejection;

  /** Seals an outgoing event; fails only when the connection's counter is used up. */
  byte[] seal(byte[] plaintext) throws Rejection;

  /** Authenticates an incoming request (handle_handler); its reply can be sealed once. */
  OpenedRequest openRequest(byte[] frame) throws Rejection;

  /** Seals an outgoing request; the result authenticates only the reply to this request. */
  SentRequest sealRequest(byte[] plaintext) throws Rejection;

  /** A request that authenticated, waiting for the handler's answer. */
  final class OpenedRequest {
    private final byte[] plaintext;
    private final UnaryOperator<byte[]> replySealer;

    OpenedRequest(byte[] plaintext, UnaryOperator<byte[]> replySealer) {
      this.plaintext = plaintext;
      this.replySealer = replySealer;
    }

    byte[] plaintext() {
      return plaintext;
    }

    byte[] sealReply(byte[] answer) {
      return replySealer.apply(answer);
    }
  }

  /** A sealed request and the one check its reply must pass. */
  final class SentRequest {
    private final byte[] frame;
    private final ReplyOpener replyOpener;

    SentRequest(byte[] frame, ReplyOpener replyOpener) {
      this.frame = frame;
      this.replyOpener = replyOpener;
    }

    byte[] frame() {
      return frame;
    }

    byte[] openReply(byte[] reply) throws Rejection {
      return replyOpener.open(reply);
    }
  }

  @FunctionalInterface
  interface ReplyOpener {
    byte[] open(byte[] reply) throws Rejection;
  }
}
