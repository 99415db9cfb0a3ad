package dev.aex.em.internal.server;

import dev.aex.wire.Transport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A socket's input with a deadline for a whole command: each read may block only for what is
 * left, so a client that trickles one byte just before every read timeout cannot hold a thread
 * forever. The wire reader reports the {@link SocketTimeoutException} as a typed timeout.
 */
final class DeadlineStream extends FilterInputStream {
  private final Transport transport;
  private final long deadline;

  DeadlineStream(InputStream in, Transport transport, long deadlineNanos) {
    super(in);
    this.transport = transport;
    this.deadline = deadlineNanos;
  }

  @Override
  public int read() throws IOException {
    arm();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    return super.read(b, off, len);
  }

  private void arm() throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("command deadline passed");
    }
    transport.setReadTimeoutNanos(left);
  }
}
