package dev.aex.em.internal.server;

import dev.aex.wire.CommandCode;
import dev.aex.wire.FrameTooLongException;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.ResultCode;
import dev.aex.wire.UnknownCodeException;
import dev.aex.wire.WireException;

/**
 * The answer to a command that could not be read, as the original SGX/native event manager gives
 * it (protocol.md §1.7): IllegalCommand for an unknown code, IllegalPayload for a bad Load or a
 * length beyond the limits, InternalError when Connect, Call, RegisterEntrypoint or Reset were cut
 * short, and no reply for cut-short events. The connection closes in every case, because its
 * position inside the stream is lost.
 */
final class ReadFailure {
  private ReadFailure() {}

  static Outcome outcome(int code, WireException failure) {
    if (failure instanceof UnknownCodeException) {
      return Outcome.replyAndClose(ResultCode.ILLEGAL_COMMAND);
    }
    if (failure instanceof FrameTooLongException || failure instanceof MalformedPayloadException) {
      return Outcome.replyAndClose(ResultCode.ILLEGAL_PAYLOAD);
    }
    return switch (CommandCode.values()[code]) {
      case LOAD -> Outcome.replyAndClose(ResultCode.ILLEGAL_PAYLOAD);
      case CONNECT, CALL, REGISTER_ENTRYPOINT, RESET -> Outcome.replyAndClose(ResultCode.INTERNAL_ERROR);
      case REMOTE_OUTPUT, MODULE_OUTPUT, REMOTE_REQUEST -> Outcome.drop();
    };
  }
}
