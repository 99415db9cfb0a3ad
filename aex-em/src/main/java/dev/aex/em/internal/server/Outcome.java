package dev.aex.em.internal.server;

import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.util.Objects;

/**
 * What the connection does after a command was handled: write a reply or not, then read the next
 * command or close. Closing without a reply is how the original tells a waiting peer that its
 * command failed (protocol.md §1.7), so error paths without a reply close.
 */
public sealed interface Outcome {
  /** Whether the connection closes after this outcome. */
  boolean thenClose();

  /** The same reply (or none), after which the connection closes. */
  default Outcome closing() {
    return switch (this) {
      case Reply reply -> new Reply(reply.message(), true);
      case Silent silent -> drop();
    };
  }

  record Reply(ResultMessage message, boolean thenClose) implements Outcome {
    public Reply {
      Objects.requireNonNull(message, "message");
    }
  }

  record Silent(boolean thenClose) implements Outcome {}

  static Outcome reply(ResultMessage message) {
    return new Reply(message, false);
  }

  static Outcome reply(ResultCode code) {
    return new Reply(ResultMessage.of(code), false);
  }

  /** A reply after which nothing more is read from this connection. */
  static Outcome replyAndClose(ResultCode code) {
    return new Reply(ResultMessage.of(code), true);
  }

  /** No reply; the connection stays open for the next command. */
  static Outcome silent() {
    return new Silent(false);
  }

  /** No reply, and the connection closes: the peer sees end of stream, as from the original. */
  static Outcome drop() {
    return new Silent(true);
  }
}
