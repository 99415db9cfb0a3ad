package dev.aex.em.internal.routing;

import dev.aex.wire.BoundedWrites;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.Transport;
import dev.aex.wire.WireClient;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.kept.AexHello;
import dev.aex.wire.kept.EventStream;
import dev.aex.wire.kept.NotAexException;
import dev.aex.wire.kept.StreamConnector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections to one other event manager. An aex peer, recognised by {@link AexHello}, gets
 * connections that stay open: one {@link EventStream} for this node's events to it (pipelined,
 * each event acknowledged), and a few idle ones for requests. Every other peer (original event managers, and
 * any peer whose answer to the hello is not an aex one) gets one connection per command, as
 * protocol.md §1.1 requires; that answer is remembered for a minute, then asked again.
 *
 * <p>Events are never lost or repeated silently: the stream resends exactly the events that the
 * peer had not taken when a connection broke (see {@link EventStream}).
 */
final class PeerLink implements AutoCloseable {
  private static final Logger LOG = System.getLogger(PeerLink.class.getName());
  /** Idle connections are dropped well before the peer's own idle limit (60 s) closes them. */
  private static final long IDLE_NANOS = Duration.ofSeconds(20).toNanos();
  private static final long RECHECK_NANOS = Duration.ofSeconds(60).toNanos();
  /** A peer that let the hello time out (a Sancus bridge may): asking costs HELLO_WAIT each time. */
  private static final long RECHECK_SILENT_NANOS = Duration.ofMinutes(10).toNanos();
  private static final Duration HELLO_WAIT = Duration.ofSeconds(5);
  private static final int MAX_IDLE = 4;
  /** Events in flight on the stream before the sender waits for acknowledgements. */
  private static final int WINDOW = 1024;

  private final InetSocketAddress address;
  private final Duration timeout;
  private final WireClient perCommand;
  private final ConcurrentLinkedDeque<Kept> idle = new ConcurrentLinkedDeque<>();
  private final ReentrantLock eventLock = new ReentrantLock();
  private final EventStream events;
  private volatile long originalUntil; // System.nanoTime() until which the peer counts as original
  private volatile boolean original;
  private volatile boolean knownAex; // a hello was answered the aex way
  private volatile boolean closed;

  PeerLink(InetSocketAddress address, Duration timeout) {
    this.address = address;
    this.timeout = timeout;
    this.perCommand = WireClient.to(address, timeout);
    this.events = new EventStream(this::openEvents, WINDOW, timeout, "event manager " + address,
        this::sendEach);
  }

  /** A connection for the event stream; the peer may have stopped being an aex one. */
  private StreamConnector.Opened openEvents(long session) throws IOException {
    Opened opened = open(session);
    if (opened == null) {
      throw new NotAexException(address + " is not an aex event manager");
    }
    return new StreamConnector.Opened(opened.kept().socket, opened.kept().in, opened.accepted());
  }

  /** Events the stream handed back between sends: each on a connection of its own, or logged. */
  private void sendEach(List<CommandMessage> unsent) {
    for (CommandMessage event : unsent) {
      try {
        perCommand.send(event);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "event to {0} dropped: {1}", address, e.getMessage());
      }
    }
  }

  /**
   * Sends an event (RemoteOutput): to an aex peer on the kept event stream, returning once it is
   * written (the stream resends it if the connection breaks before the peer acknowledged it); to
   * an original peer on a connection of its own. {@code more}: another event follows at once,
   * so the stream need not flush yet.
   */
  void sendEvent(CommandMessage event, boolean more) throws IOException {
    eventLock.lock();
    try {
      if (!isOriginal()) {
        try {
          events.send(event, !more);
          return;
        } catch (NotAexException e) {
          for (CommandMessage unsent : e.unsent()) {
            perCommand.send(unsent);
          }
          return;
        }
      }
      perCommand.send(event);
    } finally {
      eventLock.unlock();
    }
  }

  /**
   * Sends a request (RemoteRequest) and reads the reply; empty if the peer closed without one. A
   * reused connection that turns out closed before the request was read (the peer restarted) is
   * replaced once; an aex peer answers every command it has read before it closes a connection.
   */
  Optional<ResultMessage> request(CommandMessage request) throws IOException {
    if (isOriginal()) {
      return perCommand.exchange(request);
    }
    byte[] frame = request.encode().toByteArray();
    for (Kept kept = takeIdle(); kept != null; kept = takeIdle()) {
      try {
        ResultMessage reply = kept.exchange(frame);
        release(kept);
        return Optional.of(reply);
      } catch (StaleException e) {
        kept.close();
        LOG.log(Level.DEBUG, "peer {0}: kept connection was closed ({1}), opening another", address, e.getMessage());
        break; // at most one retry: the others are as old
      } catch (IOException e) {
        kept.close();
        throw e;
      }
    }
    Opened fresh = open(0);
    if (fresh == null) {
      return perCommand.exchange(request);
    }
    try {
      ResultMessage reply = fresh.kept().exchange(frame);
      release(fresh.kept());
      return Optional.of(reply);
    } catch (StaleException e) {
      fresh.kept().close();
      return Optional.empty(); // closed without a reply, as an original peer may
    } catch (IOException e) {
      fresh.kept().close();
      throw e;
    }
  }

  /** Whether events go on the kept stream (the peer answered the hello the aex way). */
  boolean keepsEvents() {
    return knownAex && !isOriginal();
  }

  private boolean isOriginal() {
    if (original && System.nanoTime() - originalUntil >= 0) {
      original = false; // ask again: the peer may have been replaced by an aex one
    }
    return original;
  }

  private void markOriginal(String answer, long recheckNanos) {
    if (!original) {
      LOG.log(Level.INFO, "peer {0} is not an aex event manager (hello answered: {1}): one connection per command",
          address, answer);
    }
    originalUntil = System.nanoTime() + recheckNanos;
    original = true;
    knownAex = false;
  }

  private record Opened(Kept kept, long accepted) {}

  /** A new connection after a hello; null (and the peer marked original) if it is not an aex peer. */
  private Opened open(long session) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    } catch (SocketTimeoutException e) {
      socket.close();
      throw new WireTimeoutException("connect to " + address + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    // A peer known to be aex may be slow to answer (it finishes the command of a broken
    // connection first); only the first hello to a peer may be ignored, so only it is short.
    boolean known = knownAex;
    try {
      socket.setTcpNoDelay(true);
      Kept kept = new Kept(socket, timeout);
      long wait = known ? timeout.toMillis() : Math.min(timeout.toMillis(), HELLO_WAIT.toMillis());
      kept.out.write(AexHello.frame(session));
      kept.out.flush();
      Optional<ResultMessage> reply = kept.replyWithin(Duration.ofMillis(Math.max(1, wait)));
      Optional<Long> count = reply.flatMap(AexHello::accepted);
      if (count.isPresent()) {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        original = false;
        knownAex = true;
        return new Opened(kept, count.get());
      }
      if (known && reply.isEmpty()) {
        throw new IOException("closed without answering the hello");
      }
      markOriginal(reply.map(r -> r.code() + " with " + r.payload().size() + " bytes").orElse("closed"), RECHECK_NANOS);
    } catch (IOException e) {
      if (known) {
        socket.close();
        throw new IOException("hello to " + address + " failed", e);
      }
      markOriginal(e.toString(), e instanceof SocketTimeoutException || e instanceof WireTimeoutException
          ? RECHECK_SILENT_NANOS
          : RECHECK_NANOS);
    }
    socket.close();
    return null;
  }

  private Kept takeIdle() {
    for (Kept kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
      if (!kept.idleTooLong()) {
        return kept;
      }
      kept.close();
    }
    return null;
  }

  private void release(Kept kept) {
    if (closed || idle.size() >= MAX_IDLE) {
      kept.close();
      return;
    }
    idle.addFirst(kept);
    if (closed && idle.remove(kept)) {
      kept.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Kept kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
      kept.close();
    }
    events.close();
  }

  /** The connection was closed before the peer read the command: safe to send it elsewhere. */
  private static final class StaleException extends IOException {
    @Serial private static final long serialVersionUID = 1L;

    StaleException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One kept connection: a command out, its reply in, one at a time. */
  private static final class Kept {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedInputStream in;
    private final WireReader reader;
    private final int timeoutMillis;
    private long lastUsed = System.nanoTime();

    Kept(Socket socket, Duration timeout) throws IOException {
      this.socket = socket;
      this.out = BoundedWrites.of(socket.getOutputStream(), socket, timeout);
      this.in = new BufferedInputStream(socket.getInputStream());
      // A reply must arrive whole within the timeout: the peer is untrusted, and one that sent a
      // byte just before each read timeout would otherwise hold this link's thread for days.
      this.reader = WireReader.of(in, Transport.of(socket), timeout);
      this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    boolean idleTooLong() {
      return System.nanoTime() - lastUsed > IDLE_NANOS;
    }

    /** A reply that must arrive whole within {@code wait} (the hello's, shorter for a new peer). */
    Optional<ResultMessage> replyWithin(Duration wait) throws IOException {
      return WireReader.of(in, Transport.of(socket), wait).readResult();
    }

    /**
     * Writes one command and reads its reply. {@link StaleException} if the write fails or the
     * connection ends before the first byte of a reply.
     */
    ResultMessage exchange(byte[] frame) throws IOException {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        throw new StaleException("write failed: " + e.getMessage(), e);
      }
      try {
        socket.setSoTimeout(timeoutMillis); // the last reply's deadline may have shortened it
        in.mark(1);
        int first = in.read();
        if (first < 0) {
          throw new StaleException("closed by the peer", null);
        }
        in.reset();
      } catch (SocketTimeoutException e) {
        throw new WireTimeoutException("no reply within " + socket.getSoTimeout() + " ms", e);
      } catch (SocketException e) {
        throw new StaleException("reset by the peer: " + e.getMessage(), e);
      }
      ResultMessage reply = reader.readResult()
          .orElseThrow(() -> new IOException("connection ended inside a reply"));
      lastUsed = System.nanoTime();
      return reply;
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a socket we are done with: nothing to do about a failure.
      }
    }
  }
}
