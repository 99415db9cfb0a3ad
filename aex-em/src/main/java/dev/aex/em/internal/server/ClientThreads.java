package dev.aex.em.internal.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the threads that serve client connections: a platform thread for each of the first
 * {@code platformLimit} connections open at once, a virtual thread for every one beyond.
 *
 * <p>Why both: a platform thread wakes straight from its socket, which halves a request's latency
 * against a virtual thread's poller and carrier hand-offs (BENCHMARKS.md), but it keeps about
 * 110 KiB of stack resident even while idle (the JVM touches its stack's shadow pages), where an
 * idle virtual thread keeps about 1 KiB. The usual few busy connections (clients, peers, module
 * streams) get the fast threads; thousands of idle ones stay cheap.
 */
final class ClientThreads {
  /** A client's thread parses one command at a time: a small stack is plenty. */
  private static final long STACK = 256 * 1024;

  private final int platformLimit;
  private final AtomicInteger platform = new AtomicInteger();

  ClientThreads(int platformLimit) {
    if (platformLimit < 0) {
      throw new IllegalArgumentException("platformLimit must be at least 0, was " + platformLimit);
    }
    this.platformLimit = platformLimit;
  }

  /** Starts {@code client} on a platform thread while fewer than the limit run, else on a virtual one. */
  Thread start(String name, Runnable client) {
    if (platform.incrementAndGet() > platformLimit) {
      platform.decrementAndGet();
      return Thread.ofVirtual().name(name).start(client);
    }
    try {
      return Thread.ofPlatform().daemon(true).stackSize(STACK).name(name).start(() -> {
        try {
          client.run();
        } finally {
          platform.decrementAndGet();
        }
      });
    } catch (RuntimeException | Error e) {
      platform.decrementAndGet();
      throw e;
    }
  }
}
