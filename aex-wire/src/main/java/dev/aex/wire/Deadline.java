package dev.aex.wire;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The time one frame may take to arrive. A per-read SO_TIMEOUT alone would let a peer that sends
 * one byte just before each timeout hold a thread forever, so each read gets only what is left of
 * the frame's budget.
 */
final class Deadline {
  private static final Deadline NONE = new Deadline(Optional.empty(), Duration.ZERO, 0);

  private final Optional<Transport> transport;
  private final Duration timeout;
  private final long endNanos;

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

  WireTimeoutException expired(String progress, SocketTimeoutException cause) {
    String limit =
        transport.isPresent() ? " within " + timeout.toMillis() + " ms" : " before the read timed out";
    return new WireTimeoutException(progress + limit, cause);
  }
}
