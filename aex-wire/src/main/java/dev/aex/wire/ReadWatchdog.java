package dev.aex.wire;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read deadlines for blocking channels, which have no SO_TIMEOUT: one daemon thread per JVM ends
 * a read that overstays its deadline (the guard's expiry action shuts the channel's input, which
 * wakes the reader). Arming and disarming cost two atomic writes, so a read that blocks in the
 * kernel stays one system call; the thread sleeps until the earliest armed deadline, and is
 * woken only when a read arms an earlier one.
 */
final class ReadWatchdog {
  private static final long DISARMED = Long.MIN_VALUE;
  private static final long FIRED = Long.MIN_VALUE + 1;
  private static final long NOTHING_ARMED = Long.MAX_VALUE;
  private static final ReadWatchdog INSTANCE = new ReadWatchdog();

  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private final Thread thread =
      Thread.ofPlatform().daemon(true).name("aex-read-watchdog").unstarted(this::run);
  /** When the thread will look next; {@link #NOTHING_ARMED} while it sleeps without end. */
  private volatile long wakeAt = NOTHING_ARMED;
  private volatile boolean sleepingForever;

  private ReadWatchdog() {}

  /** A guard whose expiry runs {@code onExpiry} once, on the watchdog's thread. */
  static Guard guard(Runnable onExpiry) {
    INSTANCE.start();
    Guard guard = INSTANCE.new Guard(onExpiry);
    INSTANCE.guards.add(guard);
    return guard;
  }

  private synchronized void start() {
    if (thread.getState() == Thread.State.NEW) {
      thread.start();
    }
  }

  private void run() {
    while (true) {
      long earliest = expireAndFindEarliest();
      wakeAt = earliest;
      sleepingForever = earliest == NOTHING_ARMED;
      // A guard armed during the scan above either saw the new wakeAt (and woke us) or is seen
      // by this second scan.
      long again = Math.min(earliest, expireAndFindEarliest());
      if (again == NOTHING_ARMED) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, again - System.nanoTime());
      }
      sleepingForever = false;
      wakeAt = System.nanoTime();
    }
  }

  private long expireAndFindEarliest() {
    long now = System.nanoTime();
    long earliest = NOTHING_ARMED;
    for (Guard guard : guards) {
      long deadline = guard.state.get();
      if (deadline == DISARMED || deadline == FIRED) {
        continue;
      }
      if (deadline - now <= 0) {
        guard.fire(deadline);
      } else if (earliest == NOTHING_ARMED || deadline - earliest < 0) {
        earliest = deadline;
      }
    }
    return earliest;
  }

  private void armed(long deadline) {
    if (sleepingForever || deadline - wakeAt < 0) {
      LockSupport.unpark(thread);
    }
  }

  /** The deadline of one connection's reads. */
  final class Guard {
    private final AtomicLong state = new AtomicLong(DISARMED);
    private final Runnable onExpiry;

    private Guard(Runnable onExpiry) {
      this.onExpiry = onExpiry;
    }

    /** The next read must end by {@code deadlineNanos} ({@link System#nanoTime} time). */
    void arm(long deadlineNanos) {
      state.set(deadlineNanos);
      armed(deadlineNanos);
    }

    /** Whether the deadline passed (and the expiry action ran) since {@link #arm}. */
    boolean disarm() {
      return state.getAndSet(DISARMED) == FIRED;
    }

    /** Forgets this guard; it never fires after this. */
    void release() {
      state.set(DISARMED);
      guards.remove(this);
    }

    private void fire(long deadline) {
      if (state.compareAndSet(deadline, FIRED)) {
        onExpiry.run();
      }
    }
  }
}
