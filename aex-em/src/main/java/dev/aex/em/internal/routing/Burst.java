package dev.aex.em.internal.routing;

/**
 * Whether the current thread handles one of several commands that arrived together. An event of
 * such a burst goes through its destination's lane even when the lane is idle: the lane's thread
 * then writes the whole burst and flushes once, instead of one write per event.
 */
public final class Burst {
  private static final ThreadLocal<Boolean> MORE = ThreadLocal.withInitial(() -> false);

  private Burst() {}

  /** Marks whether more commands wait behind the one the current thread is about to handle. */
  public static void more(boolean more) {
    MORE.set(more);
  }

  static boolean more() {
    return MORE.get();
  }
}
