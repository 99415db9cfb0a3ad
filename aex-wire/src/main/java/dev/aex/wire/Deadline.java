package dev.aex.wire;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The time one frame may take to arrive: its first byte within the timeout of the wait for it,
 * and the rest within the timeout of the first byte. A per-read SO_TIMEOUT alone would let a
 * peer that sends one byte just before each timeout hold a thread forever, so each read gets only
 * what is left of the budget. The budget starts again at the first byte: counted from the start
 * of the wait, a frame that came after a long wait (a process stopped for longer than the
 * timeout, whose frames arrived meanwhile) found its budget spent before its second byte was read.
 */
final class Deadline {
  private static final Deadline NONE = new Deadline(Optional.empty(), Duration.ZERO, 0);

  private final Optional<Transport> transport;
  private final Duration timeout;
  private long endNanos;

  private Deadline(Optional<Transport> transport, Duration timeout, long endNanos) {
    this.transport = transport;
    this.timeout = timeout;
    this.endNanos = endNanos;
  }

  /** No deadline of our own; a timeout the stream raises by itself is still reported as typed. */
  static Deadline none() {
    return NONE;
  }

  static Deadline start(Transport transport, Duration timeout) {
    return new Deadline(Optional.of(transport), timeout, System.nanoTime() + timeout.toNanos());
  }

  /**
   * Sets the transport's read timeout to the time left.
   *
   * @throws SocketTimeoutException if no time is left
   */
  void beforeRead() throws IOException {
    if (transport.isEmpty()) {
      return;
    }
    long leftNanos = endNanos - System.nanoTime();
    if (leftNanos <= 0) {
      throw new SocketTimeoutException("frame deadline passed");
    }
    transport.get().setReadTimeoutNanos(leftNanos);
  }

  /** The frame's first byte arrived: the rest has the whole timeout from now. */
  void firstByteArrived() {
    if (transport.isPresent()) {
      endNanos = System.nanoTime() + timeout.toNanos();
    }
  }

  WireTimeoutException expired(String progress, SocketTimeoutException cause) {
    String limit =
        transport.isPresent() ? " within " + timeout.toMillis() + " ms" : " before the read timed out";
    return new WireTimeoutException(progress + limit, cause);
  }
}
