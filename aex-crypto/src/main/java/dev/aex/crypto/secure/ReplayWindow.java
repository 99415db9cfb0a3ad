package dev.aex.crypto.secure;

import java.util.Arrays;

/**
 * Which counters were accepted: everything above the highest counter seen is new, the last
 * {@code size} counters are tracked in a bitmap, and anything older is refused (RFC 6479 style).
 * Loss costs nothing; reordering is tolerated up to {@code size} positions.
 */
final class ReplayWindow {
  private final long[] bits;
  private final int size;
  private long highest = -1;

  ReplayWindow(int size) {
    if (size < 64 || size > 65536 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException(
          "replay window: " + size + " (expected: a power of two from 64 to 65536)");
    }
    this.size = size;
    this.bits = new long[size / 64];
  }

  /** Records {@code counter} and returns true if it was never recorded and is inside the window. */
  synchronized boolean markIfFresh(long counter) {
    if (counter > highest) {
      clearAbove(highest, counter);
      highest = counter;
      set(counter);
      return true;
    }
    if (highest - counter >= size || isSet(counter)) {
      return false;
    }
    set(counter);
    return true;
  }

  /** Forgets the slots that the counters in (from, to] will reuse. */
  private void clearAbove(long from, long to) {
    // Written as to - size >= from: to - from overflows when from is -1 and to is near 2^63.
    if (to - size >= from) {
      Arrays.fill(bits, 0L);
      return;
    }
    for (long c = from + 1; c <= to; c++) {
      int slot = slot(c);
      bits[slot >>> 6] &= ~(1L << (slot & 63));
    }
  }

  private boolean isSet(long counter) {
    int slot = slot(counter);
    return (bits[slot >>> 6] & (1L << (slot & 63))) != 0;
  }

  private void set(long counter) {
    int slot = slot(counter);
    bits[slot >>> 6] |= 1L << (slot & 63);
  }

  private int slot(long counter) {
    return (int) (counter & (size - 1));
  }
}
