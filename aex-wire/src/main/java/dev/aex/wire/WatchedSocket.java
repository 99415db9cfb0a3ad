package dev.aex.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A TCP socket whose read timeout the {@link IoWatchdog} keeps instead of SO_TIMEOUT: on a
 * platform thread, a read then blocks in one system call, where SO_TIMEOUT costs a failed read
 * and a {@code poll} more each time a read has to wait. Its writes are {@link BoundedWrites}.
 */
final class WatchedSocket implements Transport {
  private final Socket socket;
  private final GuardedInput input;
  private final OutputStream output;

  WatchedSocket(Socket socket) throws IOException {
    this.socket = socket;
    InputStream raw = socket.getInputStream();
    this.input = new GuardedInput(raw::read, socket::shutdownInput);
    this.output = BoundedWrites.of(socket.getOutputStream(), socket, BoundedWrites.STALL);
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void setReadTimeout(int millis) {
    input.setTimeout(millis);
  }

  @Override
  public String peer() {
    return String.valueOf(socket.getRemoteSocketAddress());
  }

  @Override
  public void close() throws IOException {
    input.release();
    socket.close();
  }
}
