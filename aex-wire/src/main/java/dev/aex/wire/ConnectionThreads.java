package dev.aex.wire;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the code that serves accepted connections (an event manager's clients, a module's event
 * manager): on a platform thread while fewer than {@code platformLimit} connections are being
 * served on one, on a virtual thread beyond.
 *
 * <p>Why both: a platform thread wakes straight from its socket, which halves a request's latency
 * against a virtual thread's poller and carrier hand-offs (BENCHMARKS.md), but it keeps about
 * 110 KiB of stack resident even while idle (the JVM touches its stack's shadow pages), where an
 * idle virtual thread keeps about 1 KiB. The usual few busy connections get the fast threads;
 * thousands of idle ones stay cheap.
 *
 * <p>A platform thread is kept for {@code keepAlive} ({@link #KEEP_ALIVE} in aex's servers) after
 * its connection ends and serves the next one: starting and ending a platform thread costs 0.2–0.3
 * ms of CPU, which a peer that opens a connection per command (the original's event managers,
 * deployer and clients) would otherwise pay for every event.
 *
 * <pre>{@code
 * ConnectionThreads threads = new ConnectionThreads("aex-em-client", 64, 256 * 1024, ConnectionThreads.KEEP_ALIVE);
 * threads.start("aex-em-client-" + socket.getRemoteSocketAddress(), () -> serve(socket));
 * }</pre>
 */
public final class ConnectionThreads implements AutoCloseable {
  /** Long enough to carry a platform thread over the pauses of a peer that connects per command. */
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  /** Empty when every connection gets a virtual thread. */
  private final Optional<ThreadPoolExecutor> platform;
  private volatile boolean closed;

  /**
   * @param idleName the name of a platform thread between connections ({@link #start} names it
   *     after its connection while it serves one)
   * @param platformLimit connections served on platform threads at once, 0 or more
   * @param stackSize the platform threads' stack size in bytes; 0 for the JVM's {@code -Xss}
   * @param keepAlive how long an idle platform thread waits for the next connection
   */
  public ConnectionThreads(String idleName, int platformLimit, long stackSize, Duration keepAlive) {
    if (platformLimit < 0) {
      throw new IllegalArgumentException("platformLimit must be at least 0, was " + platformLimit);
    }
    // No queue: a connection goes to an idle thread, or a new one while under the limit, or is
    // refused by the pool and gets a virtual thread.
    platform = platformLimit == 0 ? Optional.empty() : Optional.of(new ThreadPoolExecutor(
        0, platformLimit, keepAlive.toNanos(), TimeUnit.NANOSECONDS, new SynchronousQueue<>(),
        Thread.ofPlatform().daemon(true).stackSize(stackSize).name(idleName).factory(),
        (task, pool) -> virtual(task)));
  }

  /**
   * Runs {@code connection} on a thread named {@code name}.
   *
   * @throws RejectedExecutionException once closed
   */
  public void start(String name, Runnable connection) {
    Runnable named = () -> {
      Thread thread = Thread.currentThread();
      String before = thread.getName();
      thread.setName(name);
      try {
        connection.run();
      } finally {
        thread.setName(before);
      }
    };
    platform.ifPresentOrElse(pool -> pool.execute(named), () -> virtual(named));
  }

  private void virtual(Runnable task) {
    if (closed) {
      throw new RejectedExecutionException("no new connections: the server is closed");
    }
    Thread.ofVirtual().start(task);
  }

  /** Refuses new connections and ends the idle platform threads; busy ones end with their connections. */
  @Override
  public void close() {
    closed = true;
    platform.ifPresent(ThreadPoolExecutor::shutdown);
  }
}
