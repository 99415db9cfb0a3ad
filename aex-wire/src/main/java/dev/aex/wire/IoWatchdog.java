package dev.aex.wire;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Deadlines for blocking reads and writes without SO_TIMEOUT (which writes do not have): one
 * daemon thread per JVM runs a guard's expiry action (which shuts the input or closes the
 * connection, and so wakes the blocked thread) when a read or write overstays its deadline.
 * Arming and disarming cost two atomic writes and never wake the thread, so a read that blocks
 * in the kernel stays one system call: the thread looks at the armed deadlines every {@link
 * #TICK_NANOS} (a deadline fires up to that late), and sleeps until the next arm once nothing has
 * been armed for a second.
 *
 * <p>Time the process spends stopped does not count: a tick that comes more than {@link
 * #PAUSE_NANOS} late (SIGSTOP, a paused VM, a debugger) moves every armed deadline on by the
 * delay. Otherwise, on waking, every read that had waited would time out at once, and a read
 * holding the first bytes of what arrived meanwhile would be cut off (a module stopped for 35 s
 * lost the events that came in the pause, found by a hostile-network test).
 */
final class IoWatchdog {
  private static final long DISARMED = Long.MIN_VALUE;
  private static final long FIRED = Long.MIN_VALUE + 1;
  private static final long NOTHING_ARMED = Long.MAX_VALUE;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int IDLE_TICKS = 10;
  /** A tick this much later than asked means the process was stopped, not busy. */
  static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final IoWatchdog INSTANCE = new IoWatchdog();

  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private final Thread thread =
      Thread.ofPlatform().daemon(true).name("aex-io-watchdog").unstarted(this::run);
  private volatile boolean sleepingUntilArmed;
  private volatile boolean started;

  private IoWatchdog() {}

  /**
   * A guard whose expiry runs {@code onExpiry} once, on the watchdog's thread; watched until
   * {@link Guard#release}.
   */
  static Guard guard(Runnable onExpiry) {
    INSTANCE.start();
    Guard guard = INSTANCE.new Guard(onExpiry);
    INSTANCE.guards.add(guard);
    return guard;
  }

  private void start() {
    if (!started) {
      startOnce();
    }
  }

  private synchronized void startOnce() {
    if (!started) {
      thread.start();
      started = true;
    }
  }

  private void run() {
    int idleTicks = 0;
    while (true) {
      long earliest = expireAndFindEarliest();
      if (earliest != NOTHING_ARMED) {
        idleTicks = 0;
        long asked = Math.max(0, Math.min(TICK_NANOS, earliest - System.nanoTime()));
        long start = System.nanoTime();
        LockSupport.parkNanos(this, asked);
        long stopped = pauseBeyond(asked, System.nanoTime() - start);
        if (stopped > 0) {
          guards.forEach(guard -> guard.postpone(stopped));
        }
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

  /** How long the process was stopped, given a park of {@code asked} that took {@code took}. */
  static long pauseBeyond(long asked, long took) {
    long late = took - asked;
    return late > PAUSE_NANOS ? late : 0;
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

  /** The deadline of one connection's reads, or of one write. */
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

    /** Moves an armed deadline on by {@code nanos}: time the process was stopped. */
    void postpone(long nanos) {
      long deadline = state.get();
      if (deadline != DISARMED && deadline != FIRED) {
        state.compareAndSet(deadline, deadline + nanos);
      }
    }

    /** Forgets this guard; it never fires after this. */
    void release() {
      state.set(DISARMED);
      guards.remove(this);
    }

    private void fire(long deadline) {
      if (state.compareAndSet(deadline, FIRED)) {
        try {
          onExpiry.run();
        } catch (RuntimeException e) { // one failing action must not end every deadline
          System.getLogger(IoWatchdog.class.getName())
              .log(System.Logger.Level.WARNING, "a deadline's action failed: {0}", e.toString());
        }
      }
    }
  }
}
