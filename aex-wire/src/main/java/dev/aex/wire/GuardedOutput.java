package dev.aex.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Writes that end within a stall limit: when one blocks longer (the peer stopped reading and the
 * socket's buffers are full), the {@link IoWatchdog} closes the connection, which fails the
 * write. A guard is registered only while a write is under way, so nothing needs releasing.
 */
final class GuardedOutput extends OutputStream {
  private static final Logger LOG = System.getLogger(GuardedOutput.class.getName());

  private final OutputStream raw;
  private final Closeable connection;
  private final long stallNanos;

  GuardedOutput(OutputStream raw, Closeable connection, Duration stall) {
    if (stall.isNegative() || stall.isZero()) {
      throw new IllegalArgumentException("write stall limit: " + stall + " (expected: > 0)");
    }
    this.stallNanos = stall.toNanos();
    this.raw = raw;
    this.connection = connection;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len > 0) {
      guarded(() -> raw.write(b, off, len));
    }
  }

  @Override
  public void flush() throws IOException {
    guarded(raw::flush);
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }

  @FunctionalInterface
  private interface Io {
    void run() throws IOException;
  }

  private void guarded(Io io) throws IOException {
    IoWatchdog.Guard guard = IoWatchdog.guard(this::closeConnection);
    guard.arm(System.nanoTime() + stallNanos);
    IOException failure = null;
    boolean fired;
    try {
      io.run();
    } catch (IOException e) {
      failure = e;
    } finally {
      fired = guard.disarm();
      guard.release();
    }
    if (fired) { // the connection is closed, whether or not the write got through at the end
      throw stalled(failure);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private SocketTimeoutException stalled(IOException cause) {
    SocketTimeoutException e = new SocketTimeoutException("the peer took nothing for "
        + Duration.ofNanos(stallNanos).toMillis() + " ms of a write (it stopped reading);"
        + " connection closed");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private void closeConnection() {
    try {
      connection.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing a connection whose write stalled: {0}", e.toString());
    }
  }
}
