package dev.aex.em.internal.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the code that serves client connections: on a platform thread while fewer than {@code
 * platformLimit} connections are being served on one, on a virtual thread beyond.
 *
 * <p>Why both: a platform thread wakes straight from its socket, which halves a request's latency
 * against a virtual thread's poller and carrier hand-offs (BENCHMARKS.md), but it keeps about
 * 110 KiB of stack resident even while idle (the JVM touches its stack's shadow pages), where an
 * idle virtual thread keeps about 1 KiB. The usual few busy connections (clients, peers, module
 * streams) get the fast threads; thousands of idle ones stay cheap.
 *
 * <p>Platform threads are kept for {@code keepAlive} after their connection ends and serve the
 * next one: starting a platform thread costs 0.1–0.3 ms of CPU here, which a peer that opens a
 * connection per command (the original's event managers, deployer and clients) would otherwise pay
 * for every event.
 */
final class ClientThreads implements AutoCloseable {
  /** A client's thread parses one command at a time: a small stack is plenty. */
  private static final long STACK = 256 * 1024;
  static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
  private static final String IDLE_NAME = "aex-em-client-idle";

  /** Empty when every connection gets a virtual thread. */
  private final Optional<ThreadPoolExecutor> platform;
  private volatile boolean closed;

  ClientThreads(int platformLimit) {
    this(platformLimit, KEEP_ALIVE);
  }

  ClientThreads(int platformLimit, Duration keepAlive) {
    if (platformLimit < 0) {
      throw new IllegalArgumentException("platformLimit must be at least 0, was " + platformLimit);
    }
    // No queue: a connection goes to an idle thread, or a new one while under the limit, or is
    // refused by the pool and gets a virtual thread.
    platform = platformLimit == 0 ? Optional.empty() : Optional.of(new ThreadPoolExecutor(
        0, platformLimit, keepAlive.toNanos(), TimeUnit.NANOSECONDS, new SynchronousQueue<>(),
        Thread.ofPlatform().daemon(true).stackSize(STACK).name(IDLE_NAME).factory(),
        (task, pool) -> virtual(task)));
  }

  /**
   * Runs {@code client} on a thread named {@code name}.
   *
   * @throws RejectedExecutionException once closed
   */
  void start(String name, Runnable client) {
    Runnable named = () -> {
      Thread thread = Thread.currentThread();
      String before = thread.getName();
      thread.setName(name);
      try {
        client.run();
      } finally {
        thread.setName(before);
      }
    };
    platform.ifPresentOrElse(pool -> pool.execute(named), () -> virtual(named));
  }

  private void virtual(Runnable task) {
    if (closed) {
      throw new RejectedExecutionException("the listener is closed");
    }
    Thread.ofVirtual().start(task);
  }

  /** Ends the idle platform threads; the busy ones end with their connections. */
  @Override
  public void close() {
    closed = true;
    platform.ifPresent(ThreadPoolExecutor::shutdown);
  }
}
