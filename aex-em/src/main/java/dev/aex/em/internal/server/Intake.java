package dev.aex.em.internal.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps events in the order their connections were accepted.
 *
 * <p>Why: a sender that opens one connection per event (every original peer, and every module's
 * ModuleOutput) connects, writes and closes before it connects again, so the accept order is the
 * send order. Connections are then read on separate threads, which may finish in any order; the
 * original event manager loses events exactly there (issue 4: the FOSDEM chain). So each accepted
 * connection gets a {@link Slot}, and an event is queued for its destination only when every
 * earlier slot has either queued its own event, turned out not to carry one, or let its first
 * command wait longer than the hold time. The hold bounds what a silent or slow client can cost
 * everyone else: at most {@code hold} of extra latency, never a stall.
 */
public final class Intake {
  private enum State {
    WAITING,
    READY,
    TURN,
    DONE,
    EXPIRED
  }

  private final long holdNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Slot> queue = new ArrayDeque<>(); // accept order; guarded by lock

  public Intake(Duration hold) {
    this.holdNanos = hold.toNanos();
  }

  /** A place in the order for a connection just accepted; called in accept order. */
  public Slot admit() {
    lock.lock();
    try {
      Slot slot = new Slot(System.nanoTime() + holdNanos);
      queue.addLast(slot);
      return slot;
    } finally {
      lock.unlock();
    }
  }

  /** Pops every head that no longer holds the order back and hands the turn to the next one. */
  private void advance() {
    long now = System.nanoTime();
    while (!queue.isEmpty()) {
      Slot head = queue.peekFirst();
      if (head.state == State.WAITING && now - head.deadline >= 0) {
        head.state = State.EXPIRED;
      }
      switch (head.state) {
        case DONE, EXPIRED -> queue.pollFirst();
        case READY -> {
          head.state = State.TURN;
          changed.signalAll();
          return;
        }
        case WAITING, TURN -> {
          return;
        }
      }
    }
  }

  /** One connection's place in the order. */
  public final class Slot {
    private final long deadline;
    private State state = State.WAITING; // guarded by lock

    private Slot(long deadline) {
      this.deadline = deadline;
    }

    /**
     * Leaves the order: the connection carries no event, has queued it, or has closed. Idempotent,
     * so every exit path of a connection may call it.
     */
    public void skip() {
      lock.lock();
      try {
        if (state != State.EXPIRED) {
          state = State.DONE;
        }
        advance();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    /**
     * Waits until every earlier connection has queued its event or stopped holding the order, and
     * returns the turn to pass once this connection's event is queued. Waits at most about twice
     * the hold time; after that the event goes ahead unordered rather than stall.
     */
    public Turn awaitTurn() throws InterruptedException {
      lock.lock();
      try {
        if (state == State.EXPIRED || state == State.DONE) {
          return Turn.NONE;
        }
        state = State.READY;
        advance();
        long giveUp = deadline + holdNanos;
        while (state != State.TURN) {
          long now = System.nanoTime();
          if (now - giveUp >= 0) {
            state = State.DONE;
            advance();
            return Turn.NONE;
          }
          changed.awaitNanos(Math.max(TimeUnit.MICROSECONDS.toNanos(50), waitUntil(giveUp) - now));
          advance();
        }
        return this::skip;
      } finally {
        lock.unlock();
      }
    }

    /** When something can change without a signal: the head's deadline, if it is still waiting. */
    private long waitUntil(long giveUp) {
      Slot head = queue.peekFirst();
      return head != null && head.state == State.WAITING && head.deadline - giveUp < 0
          ? head.deadline
          : giveUp;
    }
  }
}
