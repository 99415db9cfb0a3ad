package dev.aex.wire.kept;

import dev.aex.wire.BoundedWrites;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.Transport;
import dev.aex.wire.WireReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.LongSupplier;

/** One connection of an {@link EventStream}: events out, their acknowledgements in. */
final class StreamLink {
  private static final Logger LOG = System.getLogger(StreamLink.class.getName());

  private final Socket socket;
  private final Transport transport;
  private final BufferedInputStream in;
  private final WireReader reader;
  private final OutputStream out;
  private final long accepted;
  private final Duration timeout;
  private final String peer;

  StreamLink(StreamConnector.Opened opened, Duration timeout, String peer) throws IOException {
    this.timeout = timeout;
    this.peer = peer;
    this.socket = opened.socket();
    this.in = opened.in();
    this.transport = Transport.of(socket);
    this.reader = WireReader.of(in, transport, timeout);
    // Written under the stream's lock, which acknowledgements and close need too: a peer that
    // stops reading must not hold it for ever.
    this.out = new BufferedOutputStream(BoundedWrites.of(socket.getOutputStream(), socket, timeout));
    this.accepted = opened.accepted();
  }

  /** How many events of the session the peer had taken when this connection said hello. */
  long accepted() {
    return accepted;
  }

  void write(CommandMessage event, boolean flush) throws IOException {
    event.writeTo(out);
    if (flush) {
      out.flush();
    }
  }

  void flush() throws IOException {
    out.flush();
  }

  void writeAll(Iterable<CommandMessage> events) throws IOException {
    for (CommandMessage event : events) {
      event.writeTo(out);
    }
    out.flush();
  }

  /**
   * The next reply. Its first byte may wait until {@code dueBy} ({@link System#nanoTime}: the
   * time by which an acknowledgement is due, or {@link Long#MAX_VALUE} while none is; the peer
   * closes idle connections); the rest of the frame must follow within the timeout, however it
   * trickles.
   */
  ResultMessage awaitReply(LongSupplier dueBy) throws IOException {
    while (true) {
      try {
        // The reader's frame deadline leaves the socket's read timeout at what was left of it.
        transport.setReadTimeoutNanos(untilDue(dueBy.getAsLong()));
        in.mark(1);
        if (in.read() < 0) {
          throw new EOFException("closed by " + peer);
        }
        in.reset();
        return reader.readResult().orElseThrow(() -> new EOFException("closed by " + peer));
      } catch (SocketTimeoutException e) {
        // Measured from the due time, not from when this read began: a read that began while
        // the link was idle would otherwise give up on an event written a moment ago.
        if (dueBy.getAsLong() - System.nanoTime() <= 0) {
          throw new SocketTimeoutException(
              "no acknowledgement from " + peer + " within " + timeout.toMillis() + " ms");
        }
      }
    }
  }

  /** How long the next read may wait: until {@code due}, and at most the timeout. */
  private long untilDue(long due) {
    long left = due == Long.MAX_VALUE ? timeout.toNanos() : due - System.nanoTime();
    return Math.max(1, Math.min(left, timeout.toNanos()));
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing a connection to {0}: {1}", peer, e.toString());
    }
  }
}
