package dev.aex.module.runtime;

import dev.aex.wire.ConnectionThreads;
import dev.aex.wire.LocalTransport;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.Transport;
import dev.aex.wire.WireFormatException;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The module's loopback listener: an accept loop on a platform thread, each connection on a
 * thread of its own ({@link ConnectionThreads}: platform threads, reused across connections,
 * for the first 64 at once) reading Messages until EOF and answering each with one
 * ResultMessage. One connection can never stop the loop; a malformed frame gets IllegalPayload
 * (when the peer still listens) and closes only that connection.
 *
 * <p>Started by an aex event manager, the module also listens on the Unix domain socket {@code
 * <port>.sock} in the folder {@link LocalTransport#FOLDER_VARIABLE} names, which the event
 * manager prefers to the TCP port (aex-em/README.md, "Module connections"); both serve the same
 * entries.
 */
final class EntryServer implements AutoCloseable {
  private static final Logger LOG = System.getLogger(EntryServer.class.getName());
  /** Each frame must arrive within this time, so a silent peer cannot hold a thread forever. */
  static final Duration FRAME_DEADLINE = Duration.ofSeconds(30);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final String CONNECTION_THREAD = "aex-module-conn";
  private static final int PLATFORM_CONNECTIONS = 64;
  /**
   * Connections open at once, beyond which new ones are closed: each may buffer a frame of up to
   * 64 KiB, and the module's heap is 64 MiB. An aex event manager holds a few (16 idle ones, a
   * pipe, one per request in flight), an original one one per event.
   */
  static final int MAX_CONNECTIONS = 256;

  private final ServerSocket server;
  private final EntryDispatcher dispatcher;
  private final Runnable endOfBatch;
  private final Set<Transport> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread acceptor;
  private final ConnectionThreads threads = new ConnectionThreads(CONNECTION_THREAD + "-idle",
      PLATFORM_CONNECTIONS, 0, ConnectionThreads.KEEP_ALIVE);
  private volatile Optional<Local> local = Optional.empty();
  /** Whether the limit was logged since there was last room: one warning per flood. */
  private final AtomicBoolean warnedFull = new AtomicBoolean();

  /** The Unix domain socket beside the port; its accept loop ends when the channel closes. */
  private record Local(Path file, ServerSocketChannel server) {}

  private EntryServer(ServerSocket server, EntryDispatcher dispatcher, Runnable endOfBatch) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.endOfBatch = endOfBatch;
    this.acceptor = acceptor("aex-module-accept-" + server.getLocalPort(),
        () -> Transport.of(server.accept()));
  }

  private Thread acceptor(String name, Accept accept) {
    return Thread.ofPlatform().name(name).daemon(true).unstarted(() -> acceptLoop(accept));
  }

  @FunctionalInterface
  private interface Accept {
    Transport next() throws IOException;
  }

  /**
   * Binds 127.0.0.1:{@code port}, and {@code <port>.sock} in {@code socketFolder} if present, and
   * starts accepting. {@code endOfBatch} runs when a connection has answered every message that
   * had arrived (it flushes the outputs they sent).
   */
  static EntryServer start(int port, Optional<Path> socketFolder, EntryDispatcher dispatcher,
      Runnable endOfBatch) throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    EntryServer entryServer = new EntryServer(server, dispatcher, endOfBatch);
    entryServer.acceptor.start();
    socketFolder.ifPresent(entryServer::listenLocally);
    return entryServer;
  }

  /** Bound after the port: a module whose port is taken never replaces the file of the one serving it. */
  private void listenLocally(Path folder) {
    Path file = LocalTransport.fileFor(folder, port());
    try {
      ServerSocketChannel channel = LocalTransport.listen(file);
      Thread thread = acceptor("aex-module-accept-local",
          () -> LocalTransport.accepted(channel.accept()));
      local = Optional.of(new Local(file, channel));
      thread.start();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot listen on {0}, serving the TCP port only: {1}", file, e.toString());
    }
  }

  /** The Unix domain socket file this server listens on, if any. */
  Optional<Path> socketFile() {
    return local.map(Local::file);
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop(Accept accept) {
    while (!closed.get()) {
      try {
        serveOnItsThread(accept.next());
      } catch (IOException e) {
        if (!closed.get()) {
          LOG.log(Level.WARNING, "accept failed, continuing: {0}", e.toString());
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        // E.g. no memory for one more thread: drop this connection, keep the listener. (Once
        // closed, a connection that came in meanwhile is refused: nothing to report.)
        if (!closed.get()) {
          LOG.log(Level.ERROR, "accept loop: unexpected failure, continuing", e);
        }
      }
    }
  }

  private void serveOnItsThread(Transport transport) {
    if (open.size() >= MAX_CONNECTIONS) {
      if (warnedFull.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "{0} connections open already: closing new ones at once until some"
            + " end (is something other than the event manager connecting?)",
            String.valueOf(MAX_CONNECTIONS));
      }
      closeQuietly(transport);
      return;
    }
    warnedFull.set(false);
    open.add(transport);
    try {
      threads.start(CONNECTION_THREAD, () -> serve(transport));
    } catch (RuntimeException | OutOfMemoryError e) {
      open.remove(transport);
      closeQuietly(transport);
      throw e;
    }
  }

  private void serve(Transport transport) {
    // Not try-with-resources: the IllegalPayload reply must go out before the socket closes.
    OutputStream out = OutputStream.nullOutputStream();
    Batch.serving(true);
    String peer = transport.peer();
    try {
      BufferedOutputStream answers = new BufferedOutputStream(transport.output());
      out = answers;
      // Before waiting for the next message: the outputs of a batch of pipelined messages leave
      // in one write, and so do the answers.
      WireReader reader = WireReader.of(transport, FRAME_DEADLINE, () -> {
        endOfBatch.run();
        answers.flush();
        ModuleLog.flushInstalled();
      });
      for (Optional<Message> message = reader.readMessage();
          message.isPresent();
          message = reader.readMessage()) {
        Batch.more(reader.hasBufferedInput());
        try {
          dispatcher.dispatch(message.get().payload()).writeTo(out);
        } finally {
          Batch.more(false);
        }
      }
    } catch (WireFormatException e) {
      LOG.log(Level.WARNING, "malformed frame from {0}: {1}", peer, e.getMessage());
      replyQuietly(out, ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD));
    } catch (WireTimeoutException e) {
      LOG.log(Level.DEBUG, "connection from {0} idle, closed: {1}", peer, e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "peer on {0} went away: {1}", peer, e.toString());
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "connection from " + peer + ": unexpected failure", e);
    } finally {
      Batch.serving(false);
      ModuleLog.flushInstalled();
      flushQuietly(out);
      open.remove(transport);
      closeQuietly(transport);
    }
  }

  /** After answers still buffered, so the peer gets them in order before the socket closes. */
  private static void replyQuietly(OutputStream out, ResultMessage reply) {
    try {
      reply.writeTo(out);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not send {0}: {1}", reply.code(), e.toString());
    }
  }

  private static void flushQuietly(OutputStream out) {
    try {
      out.flush();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "answers not sent, the peer went away: {0}", e.toString());
    }
  }

  /** Stops accepting and closes every connection; waits at most a few seconds. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(server);
    local.ifPresent(l -> {
      closeQuietly(l.server());
      closeQuietly(() -> Files.deleteIfExists(l.file()));
    });
    open.forEach(EntryServer::closeQuietly);
    threads.close();
    try {
      acceptor.join(CLOSE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "close: {0}", e.toString());
    }
  }
}
