package dev.aex.module.runtime;

import dev.aex.wire.ResultCode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rule of a module that is not {@code concurrent}: its code runs one call at a time, under a
 * fair lock. A call that does not return stalls every later event, request and call of the
 * module, while its control entries, which never wait for module code, still answer (so {@code
 * aex status} does too). So that the log says what is stuck, a call that waits long for the lock
 * names the one holding it, and a call that held it long says when it returned.
 */
final class OneAtATime {
  /** How long a call may wait before the log names the one it waits for. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private static final Logger LOG = System.getLogger(OneAtATime.class.getName());

  private final ReentrantLock lock = new ReentrantLock(true);
  private final ModuleNames names;
  private final long patienceNanos;
  private volatile Running running = new Running("", 0);

  /** The call that holds the lock, and since when ({@link System#nanoTime}). */
  private record Running(String what, long since) {}

  OneAtATime(ModuleNames names) {
    this(names, PATIENCE);
  }

  OneAtATime(ModuleNames names, Duration patience) {
    this.names = names;
    this.patienceNanos = patience.toNanos();
  }

  /** Takes the lock for {@code what} (e.g. "input sample (0)"), saying so when it waits long. */
  void enter(String what) throws Rejection {
    long wait = patienceNanos;
    try {
      while (!lock.tryLock(wait, TimeUnit.NANOSECONDS)) {
        Running holder = running;
        LOG.log(Level.WARNING, "{0}: {1} waits for {2}, which has run for {3}: the module runs"
            + " one call at a time (@Module(concurrent = true) lets calls of other connections"
            + " overlap)", names.module(), what, holder.what(), since(holder));
        wait = Math.min(wait * 2, TimeUnit.MINUTES.toNanos(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Rejection(ResultCode.INTERNAL_ERROR, what + ": interrupted while it waited for "
          + running.what());
    }
    running = new Running(what, System.nanoTime());
  }

  /** Releases the lock that {@link #enter} took. */
  void exit() {
    Running done = running;
    if (System.nanoTime() - done.since() >= patienceNanos) {
      LOG.log(Level.INFO, "{0}: {1} returned after {2}", names.module(), done.what(), since(done));
    }
    lock.unlock();
  }

  private static String since(Running call) {
    double seconds = (System.nanoTime() - call.since()) / 1e9;
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
