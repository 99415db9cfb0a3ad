package dev.aex.module.runtime;

import dev.aex.module.RequestFailedException;
import dev.aex.module.RequestFailedException.Reason;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireFormatException;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.payload.ReservedEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Calls a handler through the event manager (protocol.md §4.6): seal the request on the request's
 * connection, send {@code ModuleOutput [4][conn_id][frame]}, and authenticate the one reply,
 * everything within the request timeout: the wait for the connection's send lock, the connect
 * and the reply each get what is left of it. The send lock is released before waiting, so a slow
 * handler never blocks the connection's other traffic.
 */
final class Requests {
  private final ConnectionTable table;
  private final EmLink em;
  private final Duration timeout;

  Requests(ConnectionTable table, EmLink em, Duration timeout) {
    this.table = table;
    this.em = em;
    this.timeout = timeout;
  }

  byte[] call(int requestId, byte[] data) throws RequestFailedException {
    String what = "request " + requestId;
    Connection connection =
        table
            .requestConnection(requestId)
            .orElseThrow(() -> failed(Reason.NOT_CONNECTED, what + ": no connection"));
    Outputs.checkSize(connection, data, what);
    long deadline = System.nanoTime() + timeout.toNanos();
    ChannelCipher.SentRequest sent;
    EmLink.Exchange exchange;
    lockWithin(connection, deadline, what);
    try {
      sent = connection.cipher().sealRequest(data);
      int entry = ReservedEntry.HANDLE_HANDLER.id();
      exchange = em.start(EmLink.moduleOutput(entry, connection.connId(), sent.frame()),
          left(deadline));
    } catch (Rejection e) {
      throw failed(Reason.NOT_CONNECTED, what + ": " + e.getMessage());
    } catch (IOException e) {
      throw failed(Reason.UNREACHABLE, what + ": event manager unreachable: " + e);
    } finally {
      connection.sendLock().unlock();
    }
    try (exchange) {
      return openReply(what, sent, awaitReply(what, exchange, deadline));
    } catch (IOException e) {
      throw failed(Reason.UNREACHABLE, what + ": " + e);
    }
  }

  /** The connection's send lock, if it comes free before the request's deadline. */
  private static void lockWithin(Connection connection, long deadline, String what)
      throws RequestFailedException {
    try {
      if (!connection.sendLock().tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        throw failed(Reason.TIMEOUT, what + ": its connection was busy sending for the whole"
            + " request timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(Reason.TIMEOUT, what + ": interrupted while waiting to send");
    }
  }

  /** What is left until {@code deadline}; at least a millisecond, for the socket calls. */
  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  private static ResultMessage awaitReply(String what, EmLink.Exchange exchange, long deadline)
      throws RequestFailedException, IOException {
    Optional<ResultMessage> reply;
    try {
      reply = exchange.awaitReply(left(deadline));
    } catch (WireTimeoutException e) {
      throw failed(Reason.TIMEOUT, what + ": no reply in time");
    } catch (WireFormatException e) {
      throw failed(Reason.BAD_RESPONSE, what + ": malformed reply: " + e.getMessage());
    }
    ResultMessage result =
        reply.orElseThrow(() -> failed(Reason.ERROR_REPLY, what + ": closed without a reply"));
    if (result.code() != ResultCode.OK) {
      throw failed(Reason.ERROR_REPLY, what + ": reply " + result.code());
    }
    return result;
  }

  private static byte[] openReply(String what, ChannelCipher.SentRequest sent, ResultMessage reply)
      throws RequestFailedException {
    try {
      return sent.openReply(reply.payload().toByteArray());
    } catch (Rejection e) {
      throw failed(Reason.BAD_RESPONSE, what + ": " + e.getMessage());
    }
  }

  private static RequestFailedException failed(Reason reason, String message) {
    return new RequestFailedException(reason, message);
  }
}
