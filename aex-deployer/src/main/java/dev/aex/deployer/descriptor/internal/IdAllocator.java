package dev.aex.deployer.descriptor.internal;

import java.util.Set;

/**
 * Hands out ids from a counter, in order, skipping ids the descriptor already gives explicitly.
 * The original's counters do not skip them, so an explicit id could be handed out a second time
 * (deployer-reference.md §2.4, §9); aex skips them.
 */
public final class IdAllocator {
  private final Set<Integer> taken;
  private final int max;
  private final String exhausted;
  private int cursor;

  /**
   * @param start the counter's value: the first id to consider
   * @param taken ids given explicitly, never handed out
   * @param max the largest id
   * @param exhausted the message when no id is left: what ran out and what to do
   */
  public IdAllocator(int start, Set<Integer> taken, int max, String exhausted) {
    this.cursor = start;
    this.taken = Set.copyOf(taken);
    this.max = max;
    this.exhausted = exhausted;
  }

  /** The next free id; advances the counter past it. */
  public int next() {
    while (cursor <= max && taken.contains(cursor)) {
      cursor++;
    }
    if (cursor > max) {
      throw new IllegalArgumentException(exhausted);
    }
    return cursor++;
  }

  /** The counter's value now: what the result records as the next id to allocate. */
  public int cursor() {
    return cursor;
  }
}
