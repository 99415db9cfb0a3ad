package dev.aex.em.internal.routing;

import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireClient;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serial;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections to one other event manager. An aex peer, recognised by {@link PeerHello}, gets
 * connections that stay open: one for this node's events to it, used by one event at a time and
 * acknowledged, and a few idle ones for requests. Every other peer (original event managers, and
 * any peer whose answer to the hello is not an aex one) gets one connection per command, as
 * protocol.md §1.1 requires; that answer is remembered for a minute, then asked again.
 *
 * <p>Events are never lost or repeated silently: each is acknowledged once the peer has queued it
 * for its module. When a kept connection breaks before the acknowledgement, the event goes again
 * on a new connection, unless the hello on that connection says the peer already took it (it
 * counts the events of this link's session, and a new hello fences the old connection, so the
 * count is final). A peer that restarted no longer knows the session: the event goes again, and
 * what its old process had taken but not delivered died with it. An event that cannot be sent
 * after a break is logged as dropped, saying that it may have reached the peer first.
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
  private static final int EVENT_ATTEMPTS = 5;
  private static final SecureRandom SESSIONS = new SecureRandom();

  private final InetSocketAddress address;
  private final Duration timeout;
  private final WireClient perCommand;
  private final long session;
  private final ConcurrentLinkedDeque<Kept> idle = new ConcurrentLinkedDeque<>();
  private final ReentrantLock eventLock = new ReentrantLock();
  private Kept events; // guarded by eventLock
  private long accepted; // events of this session the peer took; guarded by eventLock
  private volatile long originalUntil; // System.nanoTime() until which the peer counts as original
  private volatile boolean original;
  private volatile boolean knownAex; // a hello was answered the aex way
  private volatile boolean closed;

  PeerLink(InetSocketAddress address, Duration timeout) {
    this.address = address;
    this.timeout = timeout;
    this.perCommand = WireClient.to(address, timeout);
    long s;
    do {
      s = SESSIONS.nextLong();
    } while (s == 0);
    this.session = s;
  }

  /** Sends an event (RemoteOutput); returns once the peer has it (or has been sent it, if original). */
  void sendEvent(CommandMessage event) throws IOException {
    eventLock.lock();
    try {
      if (isOriginal()) {
        perCommand.send(event);
        return;
      }
      byte[] frame = event.encode().toByteArray();
      IOException failure = null;
      boolean written = false; // the peer may have this event: a new hello must say whether
      for (int attempt = 0; attempt < EVENT_ATTEMPTS; attempt++) {
        if (events != null && !written && events.idleTooLong()) {
          events.close();
          events = null;
        }
        if (events == null) {
          if (attempt > 1) {
            pause(attempt);
          }
          Opened fresh;
          try {
            fresh = open(session);
          } catch (IOException e) {
            failure = e;
            if (!written && attempt > 0) {
              break; // unreachable (not just one cut hello): fail fast, as for original peers
            }
            continue;
          }
          if (fresh == null) {
            perCommand.send(event);
            return;
          }
          events = fresh.kept();
          if (written && fresh.accepted() == accepted + 1) {
            accepted++;
            LOG.log(Level.DEBUG, "peer {0} had taken the event before the connection broke: not sent again", address);
            return;
          }
          if (fresh.accepted() > accepted) {
            LOG.log(Level.INFO, "peer {0} had taken {1} event(s) more than acknowledged (logged as possibly lost above)",
                address, String.valueOf(fresh.accepted() - accepted));
          } else if (fresh.accepted() < accepted) {
            LOG.log(Level.INFO, "peer {0} does not know this node''s events any more (restarted?): count {1}, expected {2}",
                address, String.valueOf(fresh.accepted()), String.valueOf(accepted));
          }
          accepted = fresh.accepted();
          if (written) {
            LOG.log(Level.INFO, "peer {0}: connection broke before the event was acknowledged ({1}): sending it again",
                address, String.valueOf(failure));
          }
        }
        try {
          written = true;
          ResultMessage reply = events.exchange(frame);
          accepted++;
          if (reply.code() != ResultCode.OK) {
            LOG.log(Level.WARNING, "peer {0} dropped an event: {1} (see its log)", address, reply.code());
          }
          return;
        } catch (IOException e) {
          failure = e;
          events.close();
          events = null;
        }
      }
      if (written) {
        throw new IOException("the connection to " + address + " broke and the event could not be sent "
            + "again in " + EVENT_ATTEMPTS + " attempts; it may have reached the peer before", failure);
      }
      throw new IOException("event not delivered to " + address + " in " + EVENT_ATTEMPTS + " attempts", failure);
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

  /** A short wait before connecting again after repeated failures: 10, 20, 30 ms. */
  private static void pause(int attempt) throws IOException {
    try {
      Thread.sleep(10L * (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reconnecting");
    }
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
      Kept kept = new Kept(socket);
      long wait = known ? timeout.toMillis() : Math.min(timeout.toMillis(), HELLO_WAIT.toMillis());
      socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait)));
      kept.out.write(PeerHello.frame(session));
      kept.out.flush();
      Optional<ResultMessage> reply = kept.reader.readResult();
      Optional<Long> count = reply.flatMap(PeerHello::accepted);
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
    eventLock.lock();
    try {
      if (events != null) {
        events.close();
        events = null;
      }
    } finally {
      eventLock.unlock();
    }
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
    private long lastUsed = System.nanoTime();

    Kept(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream());
      this.reader = WireReader.of(in);
    }

    boolean idleTooLong() {
      return System.nanoTime() - lastUsed > IDLE_NANOS;
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
