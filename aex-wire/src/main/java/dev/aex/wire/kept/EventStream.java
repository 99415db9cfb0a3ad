package dev.aex.wire.kept;

import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One sender's events to an aex event manager on a kept connection, pipelined: {@link #send}
 * writes and returns, and a reader takes the acknowledgements ({@link AexHello}) as they come. At
 * most {@code window} events are unacknowledged; a sender waits for room (back-pressure), at most
 * the timeout.
 *
 * <p>Nothing is lost or repeated silently. The events of a stream form a session that the event
 * manager counts; when the connection breaks, a new one starts with a hello whose answer says how
 * many events of the session the event manager took, so exactly the others are written again, in
 * order (the hello fences the old connection, so that count is final). An event manager that
 * restarted no longer knows the session and gets every unacknowledged event again; what its old
 * process had taken but not delivered died with it. If no connection can be had for {@link
 * #RECONNECT_BUDGET} (attempts with growing pauses), the unacknowledged events are dropped with a
 * warning that says they may have arrived.
 *
 * <p>Thread-safe: events from several threads go out in the order their {@code send} calls took
 * the stream's lock.
 */
public final class EventStream implements AutoCloseable {
  private static final Logger LOG = System.getLogger(EventStream.class.getName());
  /**
   * How long a broken stream tries to reconnect before it drops its unacknowledged events: long
   * enough for a peer that is slow to accept for a moment (a loaded machine, a network blip), short
   * enough that a sender does not wait long for a peer that is gone.
   */
  static final Duration RECONNECT_BUDGET = Duration.ofSeconds(2);
  private static final long MAX_PAUSE_MS = 200;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
  /**
   * At most this many bytes of unacknowledged events, whatever the window: a quarter of a module's
   * 64 MiB heap, and still 256 events of the largest size (64 KiB) in flight.
   */
  static final long MAX_UNACKED_BYTES = 16L << 20;
  private static final SecureRandom SESSIONS = new SecureRandom();

  private final StreamConnector connector;
  private final Consumer<List<CommandMessage>> elsewhere;
  private final int window;
  private final Duration timeout;
  private final String peer;
  private final long session;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition acknowledged = lock.newCondition();
  private final UnackedEvents unacked = new UnackedEvents(); // guarded by lock
  private long taken; // events of this session the peer has taken, as far as known; guarded by lock
  /** When the peer last made progress while events were due (nanoTime); guarded by lock. */
  private long progressAt;
  private StreamLink current; // guarded by lock
  private boolean closed; // guarded by lock

  /**
   * A stream that connects on its first event. {@code timeout} bounds the wait for room in the
   * window and for an acknowledgement that is due; {@code peer} names the event manager in logs.
   * {@code elsewhere} sends, one connection each, the events handed back when a flush or the
   * acknowledgement reader finds that the peer is not an aex event manager (a {@code send}
   * throws them to its caller instead, {@link NotAexException}).
   */
  public EventStream(StreamConnector connector, int window, Duration timeout, String peer,
      Consumer<List<CommandMessage>> elsewhere) {
    if (window < 1) {
      throw new IllegalArgumentException("window: " + window + " (expected: >= 1)");
    }
    this.connector = connector;
    this.elsewhere = elsewhere;
    this.window = window;
    this.timeout = timeout;
    this.peer = peer;
    long s;
    do {
      s = SESSIONS.nextLong();
    } while (s == 0);
    this.session = s;
  }

  /**
   * Writes {@code event} behind every event sent before; returns once it is written, not
   * acknowledged.
   *
   * @throws NotAexException if the peer turned out not to be an aex event manager: this event
   *     and every other unacknowledged one are handed back, for the caller to send another way
   * @throws IOException if no room came free in time or no connection could be had; the event
   *     is then dropped (and logged)
   */
  public void send(CommandMessage event) throws IOException {
    send(event, true);
  }

  /**
   * As {@link #send(CommandMessage)}; with {@code flush} false the event may wait in the buffer
   * until a later send flushes (a sender that knows another event follows at once).
   */
  public void send(CommandMessage event, boolean flush) throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IOException("the event stream to " + peer + " is closed");
      }
      try {
        awaitRoom(event.payload().size());
      } catch (NotAexException e) { // found while making room: this event goes back too
        throw e.with(event);
      }
      if (unacked.isEmpty()) {
        progressAt = System.nanoTime();
      }
      unacked.addLast(event);
      if (current == null) {
        reconnect();
        return;
      }
      try {
        current.write(event, flush);
      } catch (IOException e) {
        broken(current, e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Writes what {@link #send(CommandMessage, boolean)} left in the buffer; a failure resends. */
  public void flush() {
    List<CommandMessage> handedBack = List.of();
    lock.lock();
    try {
      if (current == null) {
        return;
      }
      try {
        current.flush();
      } catch (IOException e) {
        broken(current, e);
      }
    } catch (NotAexException e) {
      handedBack = e.unsent();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "events to {0}: {1}", peer, e.getMessage());
    } finally {
      lock.unlock();
    }
    sendElsewhere(handedBack);
  }

  /** Events that the stream cannot carry, to the owner's one-connection-each path; not locked. */
  private void sendElsewhere(List<CommandMessage> handedBack) {
    if (!handedBack.isEmpty()) {
      LOG.log(Level.INFO, "events to {0}: {1} unacknowledged event(s) go one connection each:"
          + " it no longer answers as an aex event manager", peer, String.valueOf(handedBack.size()));
      elsewhere.accept(handedBack);
    }
  }

  /** Events written but not yet acknowledged. */
  public int unacknowledged() {
    lock.lock();
    try {
      return unacked.size();
    } finally {
      lock.unlock();
    }
  }

  private boolean full(int bytes) {
    return unacked.size() >= window
        || !unacked.isEmpty() && unacked.bytes() + bytes > MAX_UNACKED_BYTES;
  }

  private void awaitRoom(int bytes) throws IOException {
    if (full(bytes) && current != null) {
      try {
        current.flush(); // the acknowledgements can only come for events that left the buffer
      } catch (IOException e) {
        broken(current, e); // a new connection gets every unacknowledged event again
      }
    }
    long left = timeout.toNanos();
    try {
      while (full(bytes)) {
        if (left <= 0) {
          throw new IOException(unacked.size() + " events (" + unacked.bytes() + " bytes) to "
              + peer + " unacknowledged for " + timeout.toMillis() + " ms: this event is dropped");
        }
        left = acknowledged.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to send to " + peer);
    }
  }

  /** A new connection, then every unacknowledged event again except those the peer took. */
  private void reconnect() throws IOException {
    IOException failure = null;
    long start = System.nanoTime();
    long end = start + RECONNECT_BUDGET.toNanos();
    int attempts = 0;
    do {
      pause(attempts++);
      StreamLink link;
      try {
        link = new StreamLink(connector.open(session), timeout, peer);
      } catch (NotAexException e) {
        throw handBack(e);
      } catch (IOException e) {
        failure = e;
        continue;
      }
      skipTaken(link.accepted());
      try {
        link.writeAll(unacked);
      } catch (IOException e) {
        link.close();
        failure = e;
        continue;
      }
      current = link;
      progressAt = System.nanoTime();
      Thread.ofPlatform().daemon(true).name("aex-events-" + peer).start(() -> readAcknowledgements(link));
      return;
    } while (end - System.nanoTime() > 0);
    int dropped = unacked.size();
    unacked.clear();
    // Counted as taken: if they were, the next hello agrees; if not, it answers less, and the
    // stream then sends everything unacknowledged again (as to a restarted peer): never twice.
    taken += dropped;
    acknowledged.signalAll();
    // The budget is checked between attempts; one attempt may take the timeout (a peer that
    // accepts but does not answer the hello), so the message gives the time it took.
    throw new IOException(peer + " could not be reached in " + attempts + " attempt(s) over "
        + (System.nanoTime() - start) / 1_000_000 + " ms: " + dropped
        + " unacknowledged event(s) dropped (they may have arrived)", failure);
  }

  private NotAexException handBack(NotAexException e) {
    NotAexException handed = new NotAexException(e.getMessage(), unacked.toList());
    unacked.clear();
    acknowledged.signalAll();
    return handed;
  }

  /** Forgets the events that the hello says the peer took; those were not acknowledged in time. */
  private void skipTaken(long accepted) {
    long more = accepted - taken;
    if (more < 0 || more > unacked.size()) {
      if (taken > 0) {
        // Also after a failed reconnect, which counted the events it dropped as taken.
        LOG.log(Level.INFO, "{0} took {1} of this stream''s events, not {2}: it restarted, or"
            + " lacks events dropped here before (each drop was logged); sending the {3}"
            + " unacknowledged event(s) again", peer, String.valueOf(accepted),
            String.valueOf(taken), String.valueOf(unacked.size()));
      }
      taken = accepted;
      return;
    }
    for (long i = 0; i < more; i++) {
      unacked.pollFirst();
    }
    taken = accepted;
    if (more > 0) {
      LOG.log(Level.DEBUG, "{0} had taken {1} event(s) before the connection broke: not sent again",
          peer, String.valueOf(more));
    }
  }

  /** None before the first two attempts, then 10, 20, 40 … ms, at most {@link #MAX_PAUSE_MS}. */
  private static void pause(int attempt) throws IOException {
    if (attempt < 2) {
      return;
    }
    try {
      Thread.sleep(Math.min(10L << Math.min(attempt - 2, 10), MAX_PAUSE_MS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reconnecting");
    }
  }

  private void readAcknowledgements(StreamLink link) {
    try {
      while (true) {
        ResultMessage reply = link.awaitReply(this::acknowledgementDueBy);
        if (!acknowledge(link, reply)) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      List<CommandMessage> handedBack = List.of();
      lock.lock();
      try {
        broken(link, e);
      } catch (NotAexException notAex) {
        handedBack = notAex.unsent();
      } catch (IOException again) {
        LOG.log(Level.WARNING, "events to {0}: {1}", peer, again.getMessage());
      } finally {
        lock.unlock();
      }
      sendElsewhere(handedBack);
    }
  }

  /**
   * When the peer must have acknowledged an event: a timeout after its last progress (an
   * acknowledgement, or the first event written after none was due); never, while none is due.
   */
  private long acknowledgementDueBy() {
    lock.lock();
    try {
      return unacked.isEmpty() ? Long.MAX_VALUE : progressAt + timeout.toNanos();
    } finally {
      lock.unlock();
    }
  }

  /** Takes one acknowledgement; false if the link is no longer current. */
  private boolean acknowledge(StreamLink link, ResultMessage reply) throws IOException {
    lock.lock();
    try {
      if (link != current) {
        return false;
      }
      if (unacked.pollFirst() == null) {
        throw new IOException("an acknowledgement for no event: " + reply.code());
      }
      taken++;
      progressAt = System.nanoTime();
      acknowledged.signalAll();
    } finally {
      lock.unlock();
    }
    if (reply.code() != ResultCode.OK) {
      LOG.log(Level.WARNING, "{0} dropped an event: {1} (see its log)", peer, reply.code());
    }
    return true;
  }

  /** The link failed: if it is still the current one, connect again and resend. Holds the lock. */
  private void broken(StreamLink link, Exception cause) throws IOException {
    if (link != current || closed) {
      return;
    }
    link.close();
    current = null;
    if (unacked.isEmpty()) {
      LOG.log(Level.DEBUG, "events to {0}: idle connection ended: {1}", peer, cause.toString());
      return;
    }
    LOG.log(Level.DEBUG, "events to {0}: connection broke with {1} unacknowledged ({2}): resending",
        peer, String.valueOf(unacked.size()), cause.toString());
    reconnect();
  }

  /**
   * Waits a moment for the acknowledgements still due, then closes the connection; events still
   * unacknowledged are dropped with a warning. Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      awaitDrained();
      if (current != null) {
        current.close();
        current = null;
      }
      if (!unacked.isEmpty()) {
        LOG.log(Level.WARNING, "events to {0}: closed with {1} unacknowledged (they may have arrived)",
            peer, String.valueOf(unacked.size()));
        unacked.clear();
      }
      acknowledged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void awaitDrained() {
    long left = Math.min(CLOSE_WAIT.toNanos(), timeout.toNanos());
    try {
      while (current != null && !unacked.isEmpty() && left > 0) {
        left = acknowledged.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
