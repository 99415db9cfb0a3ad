package dev.aex.em.internal.routing;

import dev.aex.wire.LocalTransport;
import dev.aex.wire.Message;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.Transport;
import dev.aex.wire.WireReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The way to one module's loopback port: one Message, one ResultMessage (protocol.md §2.3).
 *
 * <p>aex modules answer several messages on one connection, original modules one per connection.
 * The link keeps connections open between messages and learns which kind it talks to: when a kept
 * connection turns out closed before any reply byte (the original module closed it after its one
 * answer, so it never read this message), the message goes again on a fresh connection and the
 * link stops keeping connections for this module. A module that read the message and then died
 * may see it twice; modules reject replays, so that costs nothing.
 *
 * <p>An aex module this event manager started also listens on a Unix domain socket ({@code
 * socketFile}); exchanges go there while it is served, which costs the kernel less than TCP.
 */
final class ModuleLink implements AutoCloseable {
  private static final Logger LOG = System.getLogger(ModuleLink.class.getName());
  /** Well below the 30 s after which an aex module closes an idle connection. */
  private static final long MAX_IDLE_NANOS = Duration.ofSeconds(10).toNanos();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Events to one module written before the first of them is answered. */
  private static final int PIPE_WINDOW = 256;

  private final InetSocketAddress address;
  private final Path socketFile;
  private final Duration timeout;
  private final int maxIdle;
  private final ArrayDeque<Kept> idle = new ArrayDeque<>(); // guarded by this
  private boolean closed; // guarded by this
  private volatile boolean reuse;
  private volatile boolean manyPerConnection; // a kept connection answered a second message
  private final ModulePipe pipe;

  ModuleLink(InetSocketAddress address, Path socketFile, Duration timeout, int maxIdle,
      boolean reuse) {
    this.address = address;
    this.socketFile = socketFile;
    this.timeout = timeout;
    this.maxIdle = maxIdle;
    this.reuse = reuse;
    this.pipe = new ModulePipe(address, timeout, PIPE_WINDOW);
  }

  /** Whether events go pipelined, without waiting for the module's answers. */
  boolean pipelined() {
    return manyPerConnection && reuse;
  }

  /**
   * Delivers an event: pipelined once the module has shown that it answers several messages on
   * one connection, else as an {@link #exchange}. {@code more}: another event follows at once.
   */
  CompletableFuture<Optional<ResultMessage>> deliver(Message message, boolean more) throws IOException {
    if (pipelined()) {
      return pipe.send(message, !more);
    }
    return CompletableFuture.completedFuture(exchange(message));
  }

  /**
   * Sends {@code message} and reads the module's reply; empty if the module closed without one.
   *
   * @throws IOException if the module cannot be reached or answers too late or malformed
   */
  Optional<ResultMessage> exchange(Message message) throws IOException {
    Optional<Kept> kept = takeIdle();
    if (kept.isPresent()) {
      Optional<ResultMessage> reply = tryKept(kept.get(), message);
      if (reply.isPresent()) {
        return reply;
      }
    }
    Kept fresh = Kept.open(connect(), timeout);
    try {
      Optional<ResultMessage> reply = fresh.exchange(message);
      if (reply.isPresent()) {
        release(fresh);
      } else {
        fresh.close();
      }
      return reply;
    } catch (IOException | RuntimeException e) {
      fresh.close();
      throw e;
    }
  }

  /** The reply on a kept connection; empty if that connection had been closed by the module. */
  private Optional<ResultMessage> tryKept(Kept kept, Message message) throws IOException {
    try {
      Optional<ResultMessage> reply = kept.exchange(message);
      if (reply.isPresent()) {
        manyPerConnection = true;
        release(kept);
        return reply;
      }
    } catch (SocketException e) {
      // Reset or broken pipe: the module had closed this connection before reading the message.
    } catch (IOException | RuntimeException e) {
      kept.close();
      throw e;
    }
    kept.close();
    if (reuse) {
      reuse = false;
      LOG.log(Level.DEBUG, "module at {0} serves one message per connection: no longer keeping connections open", address);
    }
    return Optional.empty();
  }

  /** The module's socket file if it listens there, else its TCP port. */
  private Transport connect() throws IOException {
    if (Files.exists(socketFile)) {
      try {
        return LocalTransport.connect(socketFile);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "{0}: {1}; using port {2}", socketFile, e.toString(),
            String.valueOf(address.getPort()));
      }
    }
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, (int) Math.min(timeout.toMillis(), CONNECT_TIMEOUT.toMillis()));
      return Transport.of(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private synchronized Optional<Kept> takeIdle() {
    long now = System.nanoTime();
    for (Kept kept = idle.pollLast(); kept != null; kept = idle.pollLast()) {
      if (now - kept.idleSince() < MAX_IDLE_NANOS) {
        return Optional.of(kept);
      }
      kept.close();
    }
    return Optional.empty();
  }

  private void release(Kept kept) {
    synchronized (this) {
      if (!closed && reuse && idle.size() < maxIdle) {
        idle.addLast(kept.idleFromNow());
        return;
      }
    }
    kept.close();
  }

  /** Closes the kept connections; later exchanges open fresh ones. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    pipe.close();
    idle.forEach(Kept::close);
    idle.clear();
  }

  /** One open connection to the module, with the reader that owns its buffered input. */
  private record Kept(Transport transport, WireReader reader, long idleSince) {
    static Kept open(Transport transport, Duration timeout) throws IOException {
      try {
        return new Kept(transport, WireReader.of(transport, timeout, () -> {}), System.nanoTime());
      } catch (IOException | RuntimeException e) {
        transport.close();
        throw e;
      }
    }

    Optional<ResultMessage> exchange(Message message) throws IOException {
      OutputStream out = transport.output();
      message.writeTo(out);
      out.flush();
      return reader.readResult();
    }

    Kept idleFromNow() {
      return new Kept(transport, reader, System.nanoTime());
    }

    void close() {
      try {
        transport.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "closing a module connection: {0}", e.toString());
      }
    }
  }
}
