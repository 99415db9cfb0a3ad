package dev.aex.module.runtime;

/**
 * Whether the current thread is answering one of several messages that had already arrived
 * together. Its output events may then stay in the buffer until the last of them is answered, so
 * a batch of inputs costs one write to the event manager instead of one per output.
 */
final class Batch {
  private static final ThreadLocal<Boolean> MORE = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

  private Batch() {}

  /** Marks whether more messages wait behind the one the current thread is about to answer. */
  static void more(boolean more) {
    MORE.set(more);
  }

  /** True while more messages wait behind the current one (false on every other thread). */
  static boolean more() {
    return MORE.get();
  }

  /** Marks the current thread as an entry connection's, which flushes before it waits for input. */
  static void serving(boolean serving) {
    SERVING.set(serving);
  }

  /** True on an entry connection's thread: what it buffers leaves before it waits for input. */
  static boolean serving() {
    return SERVING.get();
  }
}
