package dev.aex.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The threads a test starts for its fake peers, interrupted and awaited (at most 5 s) when the
 * test ends: declare it {@code @AutoClose private final Background peers = new Background();}.
 */
public final class Background implements AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** Runs {@code task} on a thread of its own. */
  public <T> Future<T> submit(Callable<T> task) {
    return threads.submit(task);
  }

  @Override
  public void close() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(5, TimeUnit.SECONDS);
  }
}
