package dev.aex.em.internal.server;

import dev.aex.em.internal.Settings;
import dev.aex.wire.ConnectionThreads;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event manager's TCP listener: an accept loop on a platform thread that gives every client
 * its own thread ({@link ConnectionThreads}), so a slow client, module or peer never starves the
 * others. Nothing a client does can stop the loop.
 */
public final class Listener implements AutoCloseable {
  private static final Logger LOG = System.getLogger(Listener.class.getName());
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  /** After a failed accept (e.g. out of file descriptors), so the loop does not spin. */
  private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(50);
  /** A client's thread parses one command at a time: a small stack is plenty. */
  private static final long CLIENT_STACK = 256 * 1024;

  private final ServerSocket server;
  private final CommandHandler handler;
  private final Settings settings;
  private final Intake intake;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean warnedFull = new AtomicBoolean();
  private final PeerSessions sessions = new PeerSessions();
  private final ConnectionThreads threads;
  private final Thread acceptor;

  private Listener(ServerSocket server, CommandHandler handler, Settings settings) {
    this.server = server;
    this.handler = handler;
    this.settings = settings;
    this.intake = new Intake(settings.timeouts().orderHold());
    this.threads = new ConnectionThreads("aex-em-client-idle", settings.limits().platformClients(),
        CLIENT_STACK, ConnectionThreads.KEEP_ALIVE);
    this.acceptor =
        Thread.ofPlatform()
            .name("aex-em-accept-" + server.getLocalPort())
            .daemon(true)
            .unstarted(this::acceptLoop);
  }

  /**
   * Binds {@code settings.host():settings.port()}; {@link #start} then starts accepting, so that
   * the port is known before the first command is handled.
   *
   * @throws IOException if the address cannot be bound, with a message that says what to change
   */
  public static Listener bind(CommandHandler handler, Settings settings) throws IOException {
    InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
    ServerSocket server = new ServerSocket();
    try {
      server.bind(address, 128);
    } catch (IOException e) {
      server.close();
      throw new IOException("cannot listen on " + settings.host().getHostAddress() + ":"
          + settings.port() + ": " + e.getMessage() + " (" + bindHint(e) + ")", e);
    }
    return new Listener(server, handler, settings);
  }

  /** What to change when an address cannot be bound: the port when it is taken, else the host. */
  private static String bindHint(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("in use")) {
      return "is another event manager running there? choose another port with --port or EM_PORT";
    }
    if (message.contains("assign requested address")) {
      return "it is not an address of this machine: choose one of its own with --host, or 0.0.0.0";
    }
    return "check --host and --port";
  }

  public void start() {
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        accept(server.accept());
      } catch (IOException e) {
        if (!closed.get()) {
          LOG.log(Level.WARNING, "accept failed, continuing: {0}", e.toString());
          pause();
        }
      } catch (RuntimeException | Error e) {
        LOG.log(Level.ERROR, "accept loop: unexpected failure, continuing", e);
        pause();
      }
    }
  }

  /** Starts serving {@code socket}; whatever goes wrong, the socket is closed and its slot freed. */
  private void accept(Socket socket) {
    Intake.Slot slot = intake.admit();
    try {
      if (open.size() >= settings.limits().maxConnections()) {
        refuse(socket, slot);
        return;
      }
      warnedFull.set(false);
      // Replies are small and may follow each other on one connection: do not let Nagle hold them.
      socket.setTcpNoDelay(true);
      open.add(socket);
      threads.start("aex-em-client-" + socket.getRemoteSocketAddress(),
          new ClientConnection(socket, slot, handler, settings, sessions, () -> open.remove(socket)));
    } catch (IOException | RuntimeException | Error e) {
      slot.skip();
      open.remove(socket);
      closeQuietly(socket);
      LOG.log(Level.WARNING, "client {0} dropped before it was served: {1}",
          socket.getRemoteSocketAddress(), e.toString());
    }
  }

  private void refuse(Socket socket, Intake.Slot slot) {
    slot.skip();
    closeQuietly(socket);
    if (warnedFull.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "{0} client connections open: closing new ones until some end",
          String.valueOf(settings.limits().maxConnections()));
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing a client: {0}", e.toString());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(ACCEPT_BACKOFF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops accepting and closes every client connection; waits a bounded time. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing the listener: {0}", e.toString());
    }
    open.forEach(Listener::closeQuietly);
    awaitAcceptor();
    threads.close();
  }

  /**
   * Waits (bounded) for the accept loop to end, also when this thread is interrupted (Ctrl-C): the
   * JDK closes a listening socket only once its blocked accept has returned, so until then the
   * port still accepts connections and cannot be bound again.
   */
  private void awaitAcceptor() {
    boolean interrupted = false;
    long end = System.nanoTime() + CLOSE_WAIT.toNanos();
    while (acceptor.isAlive() && end - System.nanoTime() > 0) {
      try {
        acceptor.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
