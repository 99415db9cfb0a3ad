package dev.aex.em.internal.routing;

import dev.aex.wire.ResultMessage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events waiting for one destination, delivered one after the other in the order they were
 * queued, by a virtual thread that exists only while there is work. A full queue holds the sender
 * back (TCP back-pressure) for a bounded time before the event is dropped and logged, so nothing
 * is lost silently and nothing grows without bound.
 */
final class Lane {
  private static final Logger LOG = System.getLogger(Lane.class.getName());
  /** Deliveries the lane's thread takes from the queue at once. */
  private static final int BATCH = 256;

  private final String name;
  private final QueuedBytes budget;
  private final QueuedBytes share;
  private final ArrayBlockingQueue<Task> queue;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong cleared = new AtomicLong(); // counts clear()s

  /**
   * {@code budget}: the event manager's bytes of queued events, which every lane shares; {@code
   * share}: this lane's own bound within it, so that one stuck destination leaves room to the
   * others.
   */
  Lane(String name, int capacity, QueuedBytes budget, QueuedBytes share) {
    this.name = name;
    this.budget = budget;
    this.share = share;
    // Fair: senders blocked on a full queue get in in the order they came, so none is starved
    // (events of one connection that fall too far behind the others' counters would be refused).
    this.queue = new ArrayBlockingQueue<>(capacity, true);
  }

  /**
   * One delivery; {@code what} names it in the log, without payload bytes. It may return before
   * the destination answered (a pipelined connection): the lane goes on with the next one.
   */
  @FunctionalInterface
  interface Work {
    /** {@code more}: another delivery follows at once, so a connection need not flush yet. */
    CompletableFuture<Optional<ResultMessage>> deliver(boolean more) throws Exception;
  }

  private record Task(
      String what, int bytes, Work work, CompletableFuture<Optional<ResultMessage>> result) {}

  /**
   * Queues a delivery of {@code bytes} behind every one queued before; the future gives the
   * destination's reply (empty if none) or the failure, which is also logged. Waits at most
   * {@code wait} in all for room in the event manager's budget of queued bytes and in this lane.
   * {@code inline}: the delivery does not wait for the destination (a pipelined connection), so
   * when the lane is idle the calling thread makes it itself, saving the hand-off to the lane's
   * thread; deliveries queued meanwhile follow it in order.
   */
  CompletableFuture<Optional<ResultMessage>> submit(
      String what, int bytes, Work work, Duration wait, boolean inline) throws InterruptedException {
    Task task = new Task(what, bytes, work, new CompletableFuture<>());
    long deadline = System.nanoTime() + wait.toNanos(); // one wait for all bounds, not one each
    if (!share.reserve(bytes, wait)) {
      fail(task, new RejectedExecutionException("the queue to " + name + " held its share, "
          + share.max() + " bytes, for " + wait.toMillis() + " ms (its destination is slower than"
          + " its senders)"));
      return task.result();
    }
    if (!budget.reserve(bytes, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
      share.release(bytes);
      fail(task, new RejectedExecutionException("the event manager held " + budget.max()
          + " bytes of queued events for " + wait.toMillis() + " ms (destinations slower than senders)"));
      return task.result();
    }
    if (inline && queue.isEmpty() && draining.compareAndSet(false, true)) {
      if (queue.isEmpty()) {
        run(task, false);
        draining.set(false);
        startDrainerIfNeeded();
        return task.result();
      }
      draining.set(false); // another sender queued first: queue behind it
    }
    if (!queue.offer(task, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      release(bytes);
      fail(task, new RejectedExecutionException(
          "the queue to " + name + " stayed full for " + wait.toMillis() + " ms"));
      return task.result();
    }
    startDrainerIfNeeded();
    return task.result();
  }

  /** Starts the lane's thread unless it runs already or nothing waits. */
  private void startDrainerIfNeeded() {
    if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        Thread.ofVirtual().name("aex-em-lane-" + name).start(this::drain);
      } catch (RuntimeException | Error e) {
        draining.set(false);
        throw e;
      }
    }
  }

  /**
   * Takes the queued deliveries a batch at a time: one lock acquisition per batch instead of one
   * per event, so senders blocked on a full queue do not make the lane's thread wait for the lock
   * at every event (with 16 such senders that left 40 % of the CPU idle).
   */
  private void drain() {
    List<Task> batch = new ArrayList<>(BATCH);
    while (true) {
      long generation = cleared.get();
      if (queue.drainTo(batch, BATCH) == 0) {
        draining.set(false);
        // A submit may have queued after the drain and seen draining still set: take it over.
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      for (int i = 0; i < batch.size(); i++) {
        if (cleared.get() != generation) {
          cancel(batch.subList(i, batch.size()));
          break;
        }
        run(batch.get(i), i + 1 < batch.size() || !queue.isEmpty());
      }
      batch.clear();
    }
  }

  /** Gives back the room of an event that left the lane. */
  private void release(int bytes) {
    share.release(bytes);
    budget.release(bytes);
  }

  private void run(Task task, boolean more) {
    release(task.bytes());
    try {
      task.work().deliver(more).whenComplete((reply, failure) -> {
        if (failure != null) {
          fail(task, failure);
          return;
        }
        LOG.log(Level.DEBUG, "{0}: delivered, reply {1}", task.what(),
            reply.map(r -> r.code().toString()).orElse("none"));
        task.result().complete(reply);
      });
    } catch (InterruptedException e) {
      fail(task, e);
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      fail(task, e);
    }
  }

  /** Drops every waiting delivery (Reset, shutdown), also those the lane's thread has taken. */
  void clear() {
    cleared.incrementAndGet();
    List<Task> dropped = new ArrayList<>();
    queue.drainTo(dropped);
    cancel(dropped);
  }

  private void cancel(List<Task> tasks) {
    tasks.forEach(t -> release(t.bytes()));
    tasks.forEach(t -> t.result().completeExceptionally(new CancellationException("event manager reset")));
  }

  private static void fail(Task task, Throwable cause) {
    if (cause instanceof UnansweredEvent
        || cause instanceof CompletionException && cause.getCause() instanceof UnansweredEvent) {
      // Sent, and logged once for its whole connection by ModulePipe.
      LOG.log(Level.DEBUG, "{0}: unconfirmed: {1}", task.what(), cause.getMessage());
    } else {
      // A refusal of the lane's own says all in its message; other failures need their class.
      LOG.log(Level.WARNING, "{0}: dropped: {1}", task.what(),
          cause instanceof RejectedExecutionException ? cause.getMessage() : cause.toString());
    }
    task.result().completeExceptionally(cause);
  }
}
