package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SocketInputTest {
  private final AtomicInteger flushes = new AtomicInteger();

  @Test
  void flushesBeforeItHasToReadMoreButNotWhileBytesAreBuffered() throws IOException {
    SocketInput in = new SocketInput(new ByteArrayInputStream(new byte[] {1, 2, 3}), flushes::incrementAndGet);

    assertThat(in.read()).isEqualTo(1); // empty buffer: flush, then fill
    assertThat(flushes).hasValue(1);
    assertThat(in.hasBuffered()).isTrue();
    assertThat(in.read(new byte[2], 0, 2)).isEqualTo(2); // served from the buffer
    assertThat(flushes).hasValue(1);

    assertThat(in.hasBuffered()).isFalse();
    assertThat(in.read()).isEqualTo(-1); // must wait again: flush first
    assertThat(flushes).hasValue(2);
  }

  @Test
  void aFailedFlushFailsTheRead() {
    SocketInput in = new SocketInput(new ByteArrayInputStream(new byte[] {1}), () -> {
      throw new IOException("peer gone");
    });

    assertThatThrownBy(in::read).hasMessage("peer gone");
  }
}
