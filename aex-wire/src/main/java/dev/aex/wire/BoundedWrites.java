package dev.aex.wire;

import java.io.Closeable;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Socket writes that cannot block for ever. A blocking write returns once the kernel has taken
 * its bytes; to a peer that stopped reading (hung, stopped, gone without a reset) it blocks until
 * TCP gives up, a quarter of an hour later, or for ever on a local socket, and with it whatever
 * lock the writer holds. Through {@link #of}, a write that makes no progress for the stall limit
 * closes the connection and fails with a {@link java.net.SocketTimeoutException}.
 */
public final class BoundedWrites {
  /** The stall limit of {@link Transport}s: as long as a module or peer may take to answer. */
  public static final Duration STALL = Duration.ofSeconds(30);

  private BoundedWrites() {}

  /**
   * {@code raw}, each of whose writes and flushes closes {@code connection} if it blocks for
   * longer than {@code stall}.
   */
  public static OutputStream of(OutputStream raw, Closeable connection, Duration stall) {
    return new GuardedOutput(raw, connection, stall);
  }
}
