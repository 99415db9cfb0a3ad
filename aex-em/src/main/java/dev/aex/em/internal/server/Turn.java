package dev.aex.em.internal.server;

/**
 * A connection's place in the order in which events are handed to their destinations (see {@link
 * Intake}). Whoever queues the event passes the turn right after queueing it, so the next
 * connection's event can be queued behind it while this one is still being delivered.
 */
@FunctionalInterface
public interface Turn {
  /** For commands that need no ordering (and for every command after a connection's first). */
  Turn NONE = () -> {};

  /** Lets the next connection queue its event. Idempotent. */
  void pass();
}
