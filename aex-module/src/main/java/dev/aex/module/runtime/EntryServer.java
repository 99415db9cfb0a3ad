package dev.aex.module.runtime;

import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
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
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The module's loopback listener: an accept loop on a platform thread, each connection on a
 * virtual thread reading Messages until EOF and answering each with one ResultMessage. One
 * connection can never stop the loop; a malformed frame gets IllegalPayload (when the peer still
 * listens) and closes only that connection.
 */
final class EntryServer implements AutoCloseable {
  private static final Logger LOG = System.getLogger(EntryServer.class.getName());
  /** Each frame must arrive within this time, so a silent peer cannot hold a thread forever. */
  static final Duration FRAME_DEADLINE = Duration.ofSeconds(30);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final ServerSocket server;
  private final EntryDispatcher dispatcher;
  private final Runnable endOfBatch;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread acceptor;

  private EntryServer(ServerSocket server, EntryDispatcher dispatcher, Runnable endOfBatch) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.endOfBatch = endOfBatch;
    this.acceptor =
        Thread.ofPlatform()
            .name("aex-module-accept-" + server.getLocalPort())
            .daemon(true)
            .unstarted(this::acceptLoop);
  }

  /**
   * Binds 127.0.0.1:{@code port} and starts accepting. {@code endOfBatch} runs when a connection
   * has answered every message that had arrived (it flushes the outputs they sent).
   */
  static EntryServer start(int port, EntryDispatcher dispatcher, Runnable endOfBatch)
      throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    EntryServer entryServer = new EntryServer(server, dispatcher, endOfBatch);
    entryServer.acceptor.start();
    return entryServer;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Thread.ofPlatform().daemon(true).name("aex-module-conn-" + socket.getPort()).start(() -> serve(socket));
      } catch (IOException e) {
        if (!closed.get()) {
          LOG.log(Level.WARNING, "accept failed, continuing: {0}", e.toString());
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        // E.g. no memory for one more thread: drop this connection, keep the listener.
        LOG.log(Level.ERROR, "accept loop: unexpected failure, continuing", e);
      }
    }
  }

  private void serve(Socket socket) {
    // Not try-with-resources: the IllegalPayload reply must go out before the socket closes.
    OutputStream out = OutputStream.nullOutputStream();
    Batch.serving(true);
    try {
      BufferedOutputStream answers = new BufferedOutputStream(socket.getOutputStream());
      out = answers;
      // Before waiting for the next message: the outputs of a batch of pipelined messages leave
      // in one write, and so do the answers.
      WireReader reader = WireReader.of(socket, FRAME_DEADLINE, () -> {
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
      LOG.log(Level.WARNING, "malformed frame from port {0}: {1}", String.valueOf(socket.getPort()), e.getMessage());
      replyQuietly(out, ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD));
    } catch (WireTimeoutException e) {
      LOG.log(Level.DEBUG, "connection from port {0} idle, closed: {1}", String.valueOf(socket.getPort()), e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "peer on port {0} went away: {1}", String.valueOf(socket.getPort()), e.toString());
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "connection from port " + socket.getPort() + ": unexpected failure", e);
    } finally {
      Batch.serving(false);
      ModuleLog.flushInstalled();
      flushQuietly(out);
      open.remove(socket);
      closeQuietly(socket);
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
    open.forEach(EntryServer::closeQuietly);
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
