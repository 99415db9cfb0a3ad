package dev.aex.em.internal.server;

import java.time.Duration;
import java.util.Optional;

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

  /**
   * Whether a warning may be logged at {@code now} ({@link System#nanoTime}): if so, what it adds
   * about those logged at debug since the last one (empty text when none), in the same step, so
   * that a concurrent warning cannot take another's count; if not, it is counted, and empty.
   */
  synchronized Optional<String> admit(long now) {
    if (used == 0 || now - windowStart >= windowNanos) {
      windowStart = now;
      used = 0;
    }
    if (used == max) {
      suppressed++;
      return Optional.empty();
    }
    used++;
    String note = suppressed == 0 ? "" : " (and " + suppressed + " more like it before, logged at"
        + " debug: more than " + max + " in " + Duration.ofNanos(windowNanos).toSeconds() + " s)";
    suppressed = 0;
    return Optional.of(note);
  }
}
