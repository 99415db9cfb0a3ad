package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A module stopped (SIGSTOP) for longer than its read timeout lost, once in four tries, the
 * events that had arrived meanwhile (found by the hostile-network user test): on waking, the
 * watchdog and the read raced, and a read that had its bytes was failed as timed out.
 */
class GuardedInputTest {
  @Test
  void bytesThatCameAreReturnedEvenIfTheDeadlineFiredMeanwhile() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    GuardedInput in = new GuardedInput((b, off, len) -> {
      awaitUninterruptibly(fired); // as a read that woke after the deadline fired
      b[off] = 42;
      return 1;
    }, fired::countDown);
    in.setTimeout(50);
    try {
      byte[] buf = new byte[8];
      assertThat(in.read(buf, 0, 8)).isEqualTo(1);
      assertThat(buf[0]).isEqualTo((byte) 42);
      assertThatThrownBy(() -> in.read(buf, 0, 8)).isInstanceOf(SocketTimeoutException.class);
    } finally {
      in.release();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the deadline never fired");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
