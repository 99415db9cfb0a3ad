package dev.aex.em.internal.periodic;

import dev.aex.wire.payload.RegisterEntrypoint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Periodic events (RegisterEntrypoint, protocol.md §1.6.6, §3.1.6): every period, a Call of the
 * entry with no arguments. Periods are normalised as the original does (50 ms steps, at least 50).
 *
 * <p>Unlike the original thread, which stops for good after one failed call, the scheduler cannot
 * die: every firing runs on its own virtual thread and nothing it throws reaches the scheduler. A
 * task whose previous call has not returned skips a tick instead of piling up calls. Registering
 * the same entry of the same module again replaces its period (the original would run both).
 */
public final class PeriodicTasks implements AutoCloseable {
  private static final Logger LOG = System.getLogger(PeriodicTasks.class.getName());
  static final long BASE_PERIOD_MS = 50;

  /** Calls an entry; failures are the firing's to log. */
  @FunctionalInterface
  public interface Firing {
    void fire(int smId, int entryId);
  }

  private record Key(int smId, int entryId) {}

  private final boolean enabled;
  private final Firing firing;
  private final ScheduledThreadPoolExecutor scheduler;
  private final Map<Key, ScheduledFuture<?>> tasks = new ConcurrentHashMap<>();

  /** {@code enabled} as {@code EM_PERIODIC_TASKS}: when false, tasks are refused. */
  public PeriodicTasks(boolean enabled, Firing firing) {
    this.enabled = enabled;
    this.firing = firing;
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "aex-em-periodic");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /** {@code p ≤ 50 → 50}, else {@code p} rounded down to a multiple of 50 (§3.1.6). */
  static long normalise(long periodMs) {
    return periodMs <= BASE_PERIOD_MS ? BASE_PERIOD_MS : periodMs - periodMs % BASE_PERIOD_MS;
  }

  /**
   * Schedules {@code task}, replacing one of the same module and entry; false when periodic tasks
   * are off. The original's event manager then stores the task and answers Ok, but never runs it;
   * refusing (as the TrustZone one does) lets the deployer say so instead of recording an event
   * that will never fire.
   */
  public boolean register(RegisterEntrypoint task) {
    long period = normalise(task.periodMs());
    if (!enabled) {
      LOG.log(Level.WARNING, "periodic entry {0} of module {1} every {2} ms refused: periodic"
          + " tasks are off (start the event manager with --periodic-tasks, or"
          + " EM_PERIODIC_TASKS=true)",
          String.valueOf(task.entryId()), String.valueOf(task.smId()), String.valueOf(period));
      return false;
    }
    Key key = new Key(task.smId(), task.entryId());
    AtomicBoolean running = new AtomicBoolean();
    ScheduledFuture<?> scheduled = scheduler.scheduleAtFixedRate(
        () -> fire(key, running), period, period, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> old = tasks.put(key, scheduled);
    if (old != null) {
      old.cancel(false);
    }
    LOG.log(Level.INFO, "periodic entry {0} of module {1} every {2} ms", String.valueOf(key.entryId()), String.valueOf(key.smId()), String.valueOf(period));
    return true;
  }

  private void fire(Key key, AtomicBoolean running) {
    try {
      if (!running.compareAndSet(false, true)) {
        LOG.log(Level.DEBUG, "periodic entry {0} of module {1}: previous call still running, tick skipped",
            String.valueOf(key.entryId()), String.valueOf(key.smId()));
        return;
      }
      Thread.ofVirtual().name("aex-em-periodic-call").start(() -> {
        try {
          firing.fire(key.smId(), key.entryId());
        } catch (RuntimeException | Error e) {
          LOG.log(Level.ERROR, "periodic entry " + key.entryId() + " of module " + key.smId() + " failed", e);
        } finally {
          running.set(false);
        }
      });
    } catch (RuntimeException | Error e) {
      // Even no thread for this tick must not cancel the schedule: the next tick tries again.
      running.set(false);
      LOG.log(Level.ERROR, "periodic tick failed, continuing", e);
    }
  }

  /** Cancels every task (Reset). */
  public void clear() {
    tasks.values().forEach(f -> f.cancel(false));
    tasks.clear();
  }

  /** Number of scheduled tasks. */
  public int size() {
    return tasks.size();
  }

  @Override
  public void close() {
    clear();
    scheduler.shutdownNow();
  }
}
