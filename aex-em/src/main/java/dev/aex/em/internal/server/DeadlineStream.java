package dev.aex.em.internal.server;

import dev.aex.wire.Transport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input with a deadline for a whole command: each read may block only for what is
 * left (and at most {@link #MAX_STALL_NANOS}), so a client that trickles one byte just before
 * every read timeout cannot hold a thread forever. The wire reader reports the {@link
 * SocketTimeoutException} as a typed timeout.
 */
final class DeadlineStream extends FilterInputStream {
  /**
   * How long a command may stall between two bytes, whatever is left of its deadline. A sender
   * that stops mid-frame waits for a reply to a frame it thinks complete (a TrustZone Load sent
   * to an sgx node reads as the start of a longer SGX Load); it gets its answer then, before a
   * deployer's usual 30 s timeout, not after the 5 minutes a Load may take to arrive.
   */
  static final long MAX_STALL_NANOS = TimeUnit.SECONDS.toNanos(20);

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
    transport.setReadTimeoutNanos(Math.min(left, MAX_STALL_NANOS));
  }
}
