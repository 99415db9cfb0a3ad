package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one step per item, concurrently on virtual threads or one at a time. All items run even
 * when one fails (each records its own success), and every failure is reported, first one first.
 */
final class Parallel {
  @FunctionalInterface
  interface Task<T> {
    void run(T item) throws DeployerException;
  }

  private Parallel() {}

  static <T> void each(List<T> items, boolean sequential, Task<T> task) throws DeployerException {
    if (sequential || items.size() <= 1) {
      // In order means as the original: one at a time, stopping at the first failure.
      for (T item : items) {
        task.run(item);
      }
      return;
    }
    List<DeployerException> failures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> {
          task.run(item);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause() instanceof DeployerException d ? d
              : new DeployerException("internal error: " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.add(new DeployerException("interrupted", e));
        }
      }
    }
    throwIfAny(failures);
  }

  /** Nothing if {@code failures} is empty; the one failure; or one naming them all. */
  static void throwIfAny(List<DeployerException> failures) throws DeployerException {
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    if (!failures.isEmpty()) {
      StringBuilder message = new StringBuilder(failures.size() + " steps failed:");
      failures.forEach(f -> message.append("\n  ").append(f.getMessage()));
      DeployerException all = new DeployerException(message.toString(), failures.get(0));
      failures.stream().skip(1).forEach(all::addSuppressed);
      throw all;
    }
  }
}
