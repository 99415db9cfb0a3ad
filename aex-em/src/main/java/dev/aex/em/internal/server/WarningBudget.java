package dev.aex.em.internal.server;

import java.time.Duration;

/**
 * At most so many warnings of one kind per window of time; the rest go to the debug level and are
 * counted in the next warning. A client that floods the port with bad commands (thousands of
 * slow connections, each cut off at its deadline) would otherwise write a warning each, found by
 * the hostile-network user test: 4 094 lines per flood.
 */
final class WarningBudget {
  private final int max;
  private final long windowNanos;
  private long windowStart; // guarded by this
  private int used; // guarded by this
  private int suppressed; // guarded by this

  WarningBudget(int max, Duration window) {
    this.max = max;
    this.windowNanos = window.toNanos();
  }

  /** Whether a warning may be logged at {@code now} ({@link System#nanoTime}); if not, counted. */
  synchronized boolean admit(long now) {
    if (used == 0 || now - windowStart >= windowNanos) {
      windowStart = now;
      used = 0;
    }
    if (used < max) {
      used++;
      return true;
    }
    suppressed++;
    return false;
  }

  /** What an admitted warning adds about those logged at debug since the last one; then none. */
  synchronized String suppressedNote() {
    if (suppressed == 0) {
      return "";
    }
    String note = " (and " + suppressed + " more like it before, logged at debug: more than "
        + max + " in " + Duration.ofNanos(windowNanos).toSeconds() + " s)";
    suppressed = 0;
    return note;
  }
}
