package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Time a process spends stopped does not count against its read deadlines: a module stopped for
 * 35 s timed out, on waking, the read that held the first bytes of the events that had come in
 * the pause, and lost them (found by the hostile-network re-check).
 */
class IoWatchdogTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aTickFarLaterThanAskedIsAPause() {
    assertThat(IoWatchdog.pauseBeyond(100_000_000, 35 * SECOND))
        .isEqualTo(35 * SECOND - 100_000_000);
    assertThat(IoWatchdog.pauseBeyond(100_000_000, 900_000_000)).as("a busy machine").isZero();
    assertThat(IoWatchdog.pauseBeyond(0, SECOND / 2)).isZero();
  }

  @Test
  void aPostponedDeadlineDoesNotFireWhenItWas() throws Exception {
    AtomicInteger fired = new AtomicInteger();
    IoWatchdog.Guard postponed = IoWatchdog.guard(fired::incrementAndGet);
    AtomicInteger control = new AtomicInteger();
    IoWatchdog.Guard kept = IoWatchdog.guard(control::incrementAndGet);
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
      postponed.arm(deadline);
      kept.arm(deadline);
      postponed.postpone(30 * SECOND);
      for (int i = 0; i < 300 && control.get() == 0; i++) {
        Thread.sleep(10);
      }

      assertThat(control).as("the deadline not postponed fired").hasValue(1);
      assertThat(fired).as("the postponed one did not").hasValue(0);
      assertThat(postponed.disarm()).isFalse();
    } finally {
      postponed.release();
      kept.release();
    }
  }
}
