package dev.aex.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One connection's two byte streams and its read timeout: a TCP socket ({@link #of(Socket)}), or
 * a Unix domain socket between an event manager and a module of its node ({@link
 * LocalTransport}). {@link WireReader#of(Transport, java.time.Duration, java.io.Flushable)} reads
 * frames from either with the same deadlines.
 */
public interface Transport extends Closeable {
  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  /**
   * Bounds each later read to {@code millis} (at least 1): a read that gets no byte in time
   * throws {@link java.net.SocketTimeoutException}. After a timeout the input may be unusable;
   * callers close the connection.
   */
  void setReadTimeout(int millis) throws IOException;

  /**
   * As {@link #setReadTimeout(int)}, for what is left of a deadline: {@code nanos} rounded down to
   * whole milliseconds, but at least 1 (a socket takes 0 for "forever").
   */
  default void setReadTimeoutNanos(long nanos) throws IOException {
    setReadTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000)));
  }

  /** Who is at the other end, for log lines. */
  String peer();

  /**
   * A TCP socket whose read timeout a watchdog thread keeps: reads on a platform thread block in
   * one system call. The socket must have no SO_TIMEOUT of its own; after a timeout its input is
   * shut.
   */
  static Transport watched(Socket socket) throws IOException {
    return new WatchedSocket(socket);
  }

  /** A TCP socket; its read timeout is SO_TIMEOUT, its writes are {@link BoundedWrites}. */
  static Transport of(Socket socket) {
    return new Transport() {
      @Override
      public InputStream input() throws IOException {
        return socket.getInputStream();
      }

      @Override
      public OutputStream output() throws IOException {
        return BoundedWrites.of(socket.getOutputStream(), socket, BoundedWrites.STALL);
      }

      @Override
      public void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
      }

      @Override
      public String peer() {
        return "port " + socket.getPort();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }
}
