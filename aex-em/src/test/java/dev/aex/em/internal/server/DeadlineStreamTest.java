package dev.aex.em.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.wire.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlineStreamTest {
  /** Records the read timeouts it is given; the bytes come from elsewhere. */
  private static final class Timeouts implements Transport {
    final List<Long> nanos = new ArrayList<>();

    @Override
    public InputStream input() {
      throw new UnsupportedOperationException();
    }

    @Override
    public OutputStream output() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setReadTimeout(int millis) {
      nanos.add(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Override
    public void setReadTimeoutNanos(long nanos) {
      this.nanos.add(nanos);
    }

    @Override
    public String peer() {
      return "test";
    }

    @Override
    public void close() {}
  }

  @Test
  void eachReadWaitsForWhatIsLeftButNeverLongerThanAStall() throws Exception {
    Timeouts transport = new Timeouts();
    long fiveMinutes = TimeUnit.MINUTES.toNanos(5);
    DeadlineStream in = new DeadlineStream(new ByteArrayInputStream(new byte[] {1, 2}), transport,
        System.nanoTime() + fiveMinutes);

    in.read();
    in.read(new byte[1], 0, 1);

    assertThat(transport.nanos).hasSize(2)
        .allSatisfy(n -> assertThat(n).isEqualTo(DeadlineStream.MAX_STALL_NANOS));
  }

  @Test
  void nearItsDeadlineAReadWaitsOnlyForWhatIsLeftAndAfterItNotAtAll() throws Exception {
    Timeouts transport = new Timeouts();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    DeadlineStream in = new DeadlineStream(new ByteArrayInputStream(new byte[] {1}), transport, deadline);

    in.read();
    assertThat(transport.nanos).singleElement()
        .satisfies(n -> assertThat(n).isPositive().isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(2)));

    DeadlineStream late = new DeadlineStream(new ByteArrayInputStream(new byte[] {1}), transport,
        System.nanoTime() - 1);
    assertThatThrownBy(late::read).isInstanceOf(SocketTimeoutException.class)
        .hasMessage("command deadline passed");
  }
}
