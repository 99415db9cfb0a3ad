package dev.aex.em.internal.routing;

import dev.aex.wire.ResultMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Lane} per destination (a module port or another event manager), made on demand. A
 * lane may hold at most a quarter of the bytes of queued events (at least one event's worth): a
 * destination that stops taking events holds up its own senders, and the other destinations keep
 * three quarters of the budget (found by the hostile-network user test: one stuck destination
 * held every event of the node back for 10 s).
 */
final class Lanes {
  private final Map<Object, Lane> lanes = new ConcurrentHashMap<>();
  private final int capacity;
  private final Duration wait;
  private final QueuedBytes budget;
  private final int share;

  Lanes(int capacity, int queuedBytes, Duration wait) {
    this.capacity = capacity;
    this.wait = wait;
    this.budget = new QueuedBytes(queuedBytes);
    this.share = Math.max(queuedBytes / 4, 0xffff);
  }

  /** See {@link Lane#submit}; {@code destination} is a value object whose string names it. */
  CompletableFuture<Optional<ResultMessage>> submit(Object destination, String what, int bytes,
      Lane.Work work, boolean inline) throws InterruptedException {
    return lanes.computeIfAbsent(destination,
            d -> new Lane(d.toString(), capacity, budget, new QueuedBytes(share)))
        .submit(what, bytes, work, wait, inline);
  }

  void clear() {
    lanes.values().forEach(Lane::clear);
  }
}
