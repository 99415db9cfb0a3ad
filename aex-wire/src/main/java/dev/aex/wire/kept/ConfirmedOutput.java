package dev.aex.wire.kept;

import dev.aex.wire.BoundedWrites;
import dev.aex.wire.Command;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireClient;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * A RemoteOutput whose sender learns what its module made of it, where the event manager is an
 * aex one. The original protocol gives a RemoteOutput no reply (protocol.md §1.6.3), so a sender
 * cannot tell a delivered event from one that a dead module, a stale counter or an unknown
 * connection lost. After an aex hello without a session ({@link AexHello}), an aex event manager
 * answers a RemoteOutput with its module's own answer: Ok, CryptoError, InternalError, … or
 * GenericError when it could not deliver the event or had no answer in time.
 *
 * <p>Not for Sancus nodes, whose bridge may stay silent at the hello for as long as the timeout.
 */
public final class ConfirmedOutput {
  private ConfirmedOutput() {}

  /**
   * Sends {@code event} through {@code client}'s peer. Returns the module's answer from an aex
   * event manager; empty if the peer did not answer the hello as one (an original or TrustZone
   * event manager), in which case the event went on a connection of its own, unanswered, as the
   * original expects. The event is written at most once.
   *
   * @throws IOException if the peer cannot be reached, stays silent at the hello (every native
   *     and SGX event manager answers it at once: a silent one is stuck, and would not take the
   *     event either), or the connection fails once the event may have been written (then
   *     whether the module took it is unknown)
   */
  public static Optional<ResultMessage> send(WireClient client, Command event) throws IOException {
    try (Socket socket = client.connect()) {
      socket.setTcpNoDelay(true);
      OutputStream out = BoundedWrites.of(socket.getOutputStream(), socket, client.timeout());
      WireReader in = WireReader.of(socket, client.timeout());
      if (saysAex(out, in)) {
        event.writeTo(out);
        out.flush();
        return Optional.of(in.readResult().orElseThrow(() -> new EOFException(
            "the event manager closed the connection before it answered the event")));
      }
    }
    client.send(event);
    return Optional.empty();
  }

  /** Whether the peer answers the hello as an aex event manager; false if it closes or resets. */
  private static boolean saysAex(OutputStream out, WireReader in) throws IOException {
    try {
      out.write(AexHello.frame(0));
      out.flush();
      return in.readResult().flatMap(AexHello::accepted).isPresent();
    } catch (WireTimeoutException | SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return false; // an original peer may close or reset at once: it gets the event the old way
    }
  }
}
