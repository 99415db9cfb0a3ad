package dev.aex.module.runtime;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import dev.aex.wire.payload.ModuleOutput;
import dev.aex.wire.kept.EventStream;
import dev.aex.wire.kept.NotAexException;
import dev.aex.wire.kept.StreamConnector;
import dev.aex.wire.payload.SealedData;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The module's side of ModuleOutput (protocol.md §1.6.7). Events go on a kept, pipelined {@link
 * EventStream} to an aex event manager, which acknowledges each; an event manager that does not
 * answer the aex hello (the original) gets one TCP connection per command, as it expects, and is
 * asked again after a minute. Requests take a connection each.
 */
final class EmLink implements AutoCloseable {
  private static final Logger LOG = System.getLogger(EmLink.class.getName());
  /** Events in flight to the event manager before an output waits for acknowledgements. */
  private static final int WINDOW = 1024;
  private static final long RECHECK_NANOS = Duration.ofMinutes(1).toNanos();

  private final InetSocketAddress address;
  private final Duration timeout;
  private final EventStream events;
  private volatile boolean original;
  private volatile long originalUntil;

  EmLink(int emPort, Duration timeout) {
    this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), emPort);
    this.timeout = timeout;
    this.events = new EventStream(StreamConnector.toEventManager(address, timeout), WINDOW,
        timeout, "event manager " + address, this::sendEachAlone);
  }

  /** {@code ModuleOutput [entry_id][conn_id][frame]}. */
  static CommandMessage moduleOutput(int entryId, int connId, byte[] frame) {
    try {
      SealedData data = SealedData.split(Bytes.of(frame), "ModuleOutput");
      ModuleOutput output = new ModuleOutput(entryId, connId, data);
      return new CommandMessage(output.code(), output.encode());
    } catch (MalformedPayloadException e) {
      throw new IllegalStateException("a sealed frame always holds a tag", e);
    }
  }

  /** Sends an event; returns once it is written (on the kept stream) or sent (to an original EM). */
  void send(CommandMessage command) throws IOException {
    if (original && System.nanoTime() - originalUntil < 0) {
      sendAlone(command);
      return;
    }
    try {
      events.send(command, !Batch.more());
      original = false;
    } catch (NotAexException e) {
      if (!original) {
        LOG.log(Level.INFO, "{0}: one connection per event ({1})", address, e.getMessage());
      }
      originalUntil = System.nanoTime() + RECHECK_NANOS;
      original = true;
      for (CommandMessage unsent : e.unsent()) {
        sendAlone(unsent);
      }
    }
  }

  /** Events the stream handed back between sends: each on a connection of its own, or logged. */
  private void sendEachAlone(List<CommandMessage> unsent) {
    originalUntil = System.nanoTime() + RECHECK_NANOS;
    original = true;
    for (CommandMessage command : unsent) {
      try {
        sendAlone(command);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "{0}: an output could not be sent and is dropped: {1}", address,
            e.getMessage());
      }
    }
  }

  /**
   * Writes an event on a connection of its own and closes without reading: the original event
   * manager may or may not answer a ModuleOutput (§1.7), and an output has no error path anyway.
   */
  private void sendAlone(CommandMessage command) throws IOException {
    try (Socket socket = connect(timeout)) {
      write(socket, command);
    }
  }

  /** Writes the events that a batch left in the buffer ({@link Batch}). */
  void flush() {
    events.flush();
  }

  /** Closes the event stream; events not yet acknowledged are logged as possibly lost. */
  @Override
  public void close() {
    events.close();
  }

  /** Writes a request; the caller reads the reply, outside any lock it held while writing. */
  Exchange start(CommandMessage command, Duration connectWithin) throws IOException {
    events.flush(); // events of a batch that were sent before this request leave before it
    Socket socket = connect(connectWithin);
    try {
      write(socket, command);
      return new Exchange(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private Socket connect(Duration within) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) Math.max(1, within.toMillis()));
      if (socket.getLocalPort() == socket.getPort()
          && socket.getLocalAddress().equals(socket.getInetAddress())) {
        // With nothing listening on a port in the ephemeral range, TCP may connect the socket to
        // itself (simultaneous open); it would then read its own command back as the reply.
        throw new ConnectException("nothing listens on " + address + " (the socket connected to itself)");
      }
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static void write(Socket socket, CommandMessage command) throws IOException {
    OutputStream out = socket.getOutputStream();
    command.writeTo(out);
    out.flush();
  }

  /** An open request connection, waiting for its one reply. */
  static final class Exchange implements AutoCloseable {
    private final Socket socket;

    private Exchange(Socket socket) {
      this.socket = socket;
    }

    /** The reply, or empty if the event manager closed without one. */
    Optional<ResultMessage> awaitReply(Duration timeout) throws IOException {
      return WireReader.of(socket, timeout).readResult();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
