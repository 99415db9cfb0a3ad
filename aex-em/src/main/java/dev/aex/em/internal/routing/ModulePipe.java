package dev.aex.em.internal.routing;

import dev.aex.wire.BoundedWrites;
import dev.aex.wire.Message;
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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Events to one module on one kept connection, pipelined: each message is written without waiting
 * for the previous reply, and a reader completes the replies in order (a module answers the
 * messages of a connection one after the other). Only for modules known to answer several
 * messages per connection ({@link ModuleLink} learns that); an original module closes after one.
 *
 * <p>At most {@code window} messages are unanswered; the writer waits for room at most the
 * timeout. If the connection breaks, the unanswered messages fail with {@link UnansweredEvent},
 * logged once for all (the module died or closed the connection, or did not answer in time and
 * may still handle them; a late reply cannot be had any more), and the next message opens a new
 * connection.
 */
final class ModulePipe implements AutoCloseable {
  private static final Logger LOG = System.getLogger(ModulePipe.class.getName());
  /** Well below the 30 s after which an aex module closes an idle connection. */
  private static final long MAX_IDLE_NANOS = Duration.ofSeconds(10).toNanos();

  private final InetSocketAddress address;
  private final Duration timeout;
  private final int window;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition answered = lock.newCondition();
  private Link link; // guarded by lock
  private boolean closed; // guarded by lock

  ModulePipe(InetSocketAddress address, Duration timeout, int window) {
    this.address = address;
    this.timeout = timeout;
    this.window = window;
  }

  /**
   * Writes {@code message}; the future completes with the module's reply, or fails if the
   * connection breaks first. {@code flush}: false if another message follows at once.
   *
   * @throws IOException if the module cannot be reached or leaves {@code window} messages
   *     unanswered for the timeout
   */
  CompletableFuture<Optional<ResultMessage>> send(Message message, boolean flush) throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IOException("connection to the module at " + address + " closed");
      }
      Link current = current();
      current.awaitRoom();
      CompletableFuture<Optional<ResultMessage>> reply = new CompletableFuture<>();
      current.pending.addLast(reply);
      try {
        current.write(message, flush);
      } catch (IOException e) {
        current.fail(e);
        throw e;
      }
      return reply;
    } finally {
      lock.unlock();
    }
  }

  private Link current() throws IOException {
    if (link != null && (link.broken || link.idleTooLong())) {
      link.close();
      link = null;
    }
    if (link == null) {
      link = Link.open(this);
      Thread.ofPlatform().daemon(true).name("aex-em-pipe-" + address.getPort()).start(link::readReplies);
    }
    return link;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (link != null) {
        link.fail(new IOException("event manager closing the connection to " + address));
        link = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** One connection and the replies it owes, in order. */
  private static final class Link {
    private final ModulePipe pipe;
    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final ArrayDeque<CompletableFuture<Optional<ResultMessage>>> pending = new ArrayDeque<>();
    private long lastUsed = System.nanoTime();
    private boolean broken;

    private Link(ModulePipe pipe, Socket socket) throws IOException {
      this.pipe = pipe;
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream());
      // Written under the pipe's lock, which the reader needs too: a module that stops reading
      // must not hold it (and the lane, and a reset) for ever.
      this.out = new BufferedOutputStream(BoundedWrites.of(socket.getOutputStream(), socket, pipe.timeout));
    }

    static Link open(ModulePipe pipe) throws IOException {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, pipe.timeout.toMillis()));
        socket.connect(pipe.address, Math.min(millis, 5_000));
        socket.setSoTimeout(millis);
        return new Link(pipe, socket);
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }

    boolean idleTooLong() {
      return pending.isEmpty() && System.nanoTime() - lastUsed > MAX_IDLE_NANOS;
    }

    void awaitRoom() throws IOException {
      if (pending.size() >= pipe.window) {
        out.flush(); // what waits in the buffer must reach the module before its answers can come
      }
      long left = pipe.timeout.toNanos();
      try {
        while (pending.size() >= pipe.window && !broken) {
          if (left <= 0) {
            throw new IOException(pipe.window + " messages to the module at " + pipe.address
                + " unanswered for " + TimeUnit.NANOSECONDS.toMillis(pipe.timeout.toNanos()) + " ms");
          }
          left = pipe.answered.awaitNanos(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the module at " + pipe.address, e);
      }
      if (broken) {
        throw new IOException("the connection to the module at " + pipe.address + " broke");
      }
    }

    void write(Message message, boolean flush) throws IOException {
      message.writeTo(out);
      if (flush) {
        out.flush();
      }
      lastUsed = System.nanoTime();
    }

    /** The reader: completes replies in order until the connection ends. */
    void readReplies() {
      Transport transport = Transport.of(socket);
      WireReader reader = WireReader.of(in, transport, pipe.timeout);
      try {
        while (true) {
          awaitFirstByte(transport);
          ResultMessage reply = reader.readResult()
              .orElseThrow(() -> new EOFException("module at " + pipe.address + " closed the connection"));
          if (!complete(reply)) {
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        pipe.lock.lock();
        try {
          fail(e);
        } finally {
          pipe.lock.unlock();
        }
      }
    }

    /** Waits for a reply's first byte: at most the timeout while one is owed, else for ever. */
    private void awaitFirstByte(Transport transport) throws IOException {
      // The reader's frame deadline leaves the socket's read timeout at what was left of it.
      transport.setReadTimeoutNanos(pipe.timeout.toNanos());
      while (true) {
        try {
          in.mark(1);
          if (in.read() < 0) {
            throw new EOFException("module at " + pipe.address + " closed the connection");
          }
          in.reset();
          return;
        } catch (SocketTimeoutException e) {
          if (owesReply()) {
            throw new SocketTimeoutException("no reply from the module at " + pipe.address
                + " within " + pipe.timeout.toMillis() + " ms");
          }
        }
      }
    }

    private boolean owesReply() {
      pipe.lock.lock();
      try {
        return !pending.isEmpty();
      } finally {
        pipe.lock.unlock();
      }
    }

    private boolean complete(ResultMessage reply) throws IOException {
      CompletableFuture<Optional<ResultMessage>> next;
      pipe.lock.lock();
      try {
        if (broken) {
          return false;
        }
        next = pending.pollFirst();
        if (next == null) {
          throw new IOException("the module at " + pipe.address + " answered a message never sent");
        }
        pipe.answered.signalAll();
      } finally {
        pipe.lock.unlock();
      }
      next.complete(Optional.of(reply));
      return true;
    }

    /** Ends this connection; every reply still owed fails. Holds the pipe's lock. */
    void fail(Exception cause) {
      if (broken) {
        return;
      }
      broken = true;
      close();
      if (!pending.isEmpty()) {
        logUnanswered(cause);
      }
      IOException failure = new UnansweredEvent("connection to the module at " + pipe.address
          + " ended before it answered: " + cause.getMessage(), cause);
      pending.forEach(f -> f.completeExceptionally(failure));
      pending.clear();
      pipe.answered.signalAll();
    }

    /**
     * One line for all the events owed a reply: a module that is slow may still handle them,
     * one that died or closed the connection has not.
     */
    private void logUnanswered(Exception cause) {
      if (cause instanceof SocketTimeoutException) {
        LOG.log(Level.WARNING, "the module at {0} did not answer within {1} ms: {2} event(s) sent"
            + " to it are unconfirmed; a module that is only slow handles them late (is one of its"
            + " inputs slow or stuck? A module that is not concurrent handles one message at a"
            + " time)", pipe.address, String.valueOf(pipe.timeout.toMillis()),
            String.valueOf(pending.size()));
      } else {
        LOG.log(Level.WARNING, "connection to the module at {0} ended with {1} event(s) sent and"
            + " not answered, which it may not have handled: {2}", pipe.address,
            String.valueOf(pending.size()), cause.toString());
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "closing a module connection: {0}", e.toString());
      }
    }
  }
}
