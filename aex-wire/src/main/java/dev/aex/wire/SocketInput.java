package dev.aex.wire;

import java.io.BufferedInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered input for a server that answers what it reads: before it waits for more bytes, it
 * flushes the answers given so far. A server may then leave answers unflushed while requests
 * that already arrived wait, and the answers to a batch leave in one write (one wake-up of the
 * peer), yet no answer is ever held while the server waits for its peer.
 */
public final class SocketInput extends BufferedInputStream {
  private final Flushable beforeWait;

  public SocketInput(InputStream in, Flushable beforeWait) {
    super(in);
    this.beforeWait = beforeWait;
  }

  /** Whether the buffer holds bytes not read yet (no system call). */
  public boolean hasBuffered() {
    return count - pos > 0;
  }

  @Override
  public int read() throws IOException {
    flushIfEmpty();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    flushIfEmpty();
    return super.read(b, off, len);
  }

  private void flushIfEmpty() throws IOException {
    if (!hasBuffered()) {
      beforeWait.flush();
    }
  }
}
