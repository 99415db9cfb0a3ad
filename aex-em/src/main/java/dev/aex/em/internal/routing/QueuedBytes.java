package dev.aex.em.internal.routing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of the events waiting in every lane together. Bounded, so that senders faster than
 * their destinations meet back-pressure before the event manager's heap fills, and the event
 * manager can run with a small fixed heap (BENCHMARKS.md, memory).
 */
final class QueuedBytes {
  private final Semaphore free;
  private final int max;

  QueuedBytes(int max) {
    if (max < 0xffff) {
      throw new IllegalArgumentException("queued bytes: " + max + " (expected: >= 65535, the largest event)");
    }
    this.max = max;
    this.free = new Semaphore(max, true);
  }

  /** Takes room for an event of {@code bytes}; false if none came free within {@code wait}. */
  boolean reserve(int bytes, Duration wait) throws InterruptedException {
    return free.tryAcquire(bytes, wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Gives back the room of an event that left its lane. */
  void release(int bytes) {
    free.release(bytes);
  }

  int max() {
    return max;
  }
}
