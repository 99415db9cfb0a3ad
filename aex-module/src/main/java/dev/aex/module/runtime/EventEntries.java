package dev.aex.module.runtime;

import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.IoKind;
import java.util.Arrays;

/**
 * handle_input (entry 3) and handle_handler (entry 4): {@code [conn_id:2][sealed data]} from the
 * event manager (protocol.md §4.5, §4.6). The connection's kind is checked before decryption, so
 * a misdirected event consumes no counter; the data is authenticated before any user code runs.
 */
final class EventEntries {
  private static final int MAX_REPLY = 0xffff;

  private final ConnectionTable table;
  private final UserCalls user;

  EventEntries(ConnectionTable table, UserCalls user) {
    this.table = table;
    this.user = user;
  }

  ResultMessage input(byte[] args) throws Rejection {
    Connection connection = connection(args, IoKind.INPUT, "handle_input");
    byte[] plaintext = connection.cipher().open(data(args));
    user.input(connection.ioId(), plaintext);
    return ResultMessage.of(ResultCode.OK);
  }

  ResultMessage handler(byte[] args) throws Rejection {
    Connection connection = connection(args, IoKind.HANDLER, "handle_handler");
    ChannelCipher.OpenedRequest request = connection.cipher().openRequest(data(args));
    byte[] answer = user.handle(connection.ioId(), request.plaintext());
    if (answer.length + connection.cipher().overhead() > MAX_REPLY) {
      throw new Rejection(
          ResultCode.INTERNAL_ERROR,
          connection.endpoint() + " answered " + answer.length + " bytes; one reply holds at"
              + " most " + (MAX_REPLY - connection.cipher().overhead()) + " on this connection:"
              + " answer in parts");
    }
    return new ResultMessage(ResultCode.OK, Bytes.of(request.sealReply(answer)));
  }

  private Connection connection(byte[] args, IoKind kind, String entry) throws Rejection {
    if (args.length < 2) {
      throw new Rejection(
          ResultCode.ILLEGAL_PAYLOAD, entry + " args: " + args.length + " bytes (expected: >= 2)");
    }
    int connId = Be16.read(args, 0);
    Connection connection =
        table
            .get(connId)
            .orElseThrow(
                () -> new Rejection(ResultCode.BAD_REQUEST, entry + ": unknown connection " + connId));
    if (connection.kind() != kind) {
      throw new Rejection(
          ResultCode.BAD_REQUEST, entry + ": " + connection + " is not an " + kind + " connection");
    }
    return connection;
  }

  private static byte[] data(byte[] args) {
    return Arrays.copyOfRange(args, 2, args.length);
  }
}
