package dev.aex.wire;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read deadlines for blocking reads without SO_TIMEOUT: one daemon thread per JVM ends a read that
 * overstays its deadline (the guard's expiry action shuts the input, which wakes the reader).
 * Arming and disarming cost two atomic writes and never wake the thread, so a read that blocks
 * in the kernel stays one system call: the thread looks at the armed deadlines every {@link
 * #TICK_NANOS} (a deadline fires up to that late), and sleeps until the next arm once nothing has
 * been armed for a second.
 */
final class ReadWatchdog {
  private static final long DISARMED = Long.MIN_VALUE;
  private static final long FIRED = Long.MIN_VALUE + 1;
  private static final long NOTHING_ARMED = Long.MAX_VALUE;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int IDLE_TICKS = 10;
  private static final ReadWatchdog INSTANCE = new ReadWatchdog();

  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private final Thread thread =
      Thread.ofPlatform().daemon(true).name("aex-read-watchdog").unstarted(this::run);
  private volatile boolean sleepingUntilArmed;

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
    int idleTicks = 0;
    while (true) {
      long earliest = expireAndFindEarliest();
      if (earliest != NOTHING_ARMED) {
        idleTicks = 0;
        LockSupport.parkNanos(this, Math.min(TICK_NANOS, earliest - System.nanoTime()));
      } else if (++idleTicks < IDLE_TICKS) {
        LockSupport.parkNanos(this, TICK_NANOS);
      } else {
        sleepingUntilArmed = true;
        // A guard armed before the flag was set is seen here; one armed after it wakes us.
        if (expireAndFindEarliest() == NOTHING_ARMED) {
          LockSupport.park(this);
        }
        sleepingUntilArmed = false;
        idleTicks = 0;
      }
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

  private void armed() {
    if (sleepingUntilArmed) {
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
      armed();
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
