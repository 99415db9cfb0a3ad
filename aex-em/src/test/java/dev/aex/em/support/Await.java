package dev.aex.em.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling, with a deadline; fails with what was awaited. */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(20);

  private Await() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end >= 0) {
        throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
