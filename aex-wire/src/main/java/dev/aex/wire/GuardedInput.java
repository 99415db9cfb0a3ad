package dev.aex.wire;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Blocking reads with a timeout that costs no system call: the {@link IoWatchdog} shuts the
 * input, which wakes the reader, when a read overstays.
 * After a timeout every read fails, so a timed-out stream is never mistaken for a clean end.
 */
final class GuardedInput extends InputStream {
  private static final Logger LOG = System.getLogger(GuardedInput.class.getName());

  /** The blocking read underneath. */
  @FunctionalInterface
  interface RawRead {
    int read(byte[] b, int off, int len) throws IOException;
  }

  /** Shuts the input, which wakes a blocked read. */
  @FunctionalInterface
  interface ShutInput {
    void shut() throws IOException;
  }

  private final RawRead raw;
  private final IoWatchdog.Guard guard;
  private volatile long timeoutNanos;
  private volatile boolean timedOut;

  GuardedInput(RawRead raw, ShutInput shutInput) {
    this.raw = raw;
    this.guard = IoWatchdog.guard(() -> {
      try {
        shutInput.shut();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "ending a late read: {0}", e.toString());
      }
    });
  }

  /** Bounds each later read to {@code millis}. */
  void setTimeout(int millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("read timeout: " + millis + " ms (expected: >= 1)");
    }
    timeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Stops watching; the connection is closing. */
  void release() {
    guard.release();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long timeout = timeoutNanos;
    if (timeout > 0) {
      guard.arm(System.nanoTime() + timeout);
    }
    int n;
    try {
      n = timedOut ? -1 : raw.read(b, off, len);
    } finally {
      if (timeout > 0 && guard.disarm()) {
        timedOut = true;
      }
    }
    // Bytes that came are returned even if the deadline fired meanwhile: after this process was
    // stopped for longer than the timeout (SIGSTOP, a paused VM), the watchdog and the woken read
    // race, and the read may hold events that arrived while it was stopped. The input is shut, so
    // the next read fails.
    if (timedOut && n <= 0) {
      throw new SocketTimeoutException(
          "no data within " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms");
    }
    return n;
  }
}
