package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A Load's executable is written whole in writes of at most 64 KiB: a channel writes a heap buffer
 * through a temporary direct buffer as large as the write, which the JDK keeps for the thread,
 * and one write of a whole module binary left ~400 KB of native memory on each of up to 64 client
 * threads (found by a churn test's native memory tracking).
 */
class ExecutableWriteTest {
  /** Takes at most {@code most} bytes a write, as a channel may; records each write's size. */
  private static final class Recording implements WritableByteChannel {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    final List<Integer> asked = new ArrayList<>();
    final int most;

    Recording(int most) {
      this.most = most;
    }

    @Override
    public int write(ByteBuffer src) {
      asked.add(src.remaining());
      int n = Math.min(most, src.remaining());
      byte[] taken = new byte[n];
      src.get(taken);
      written.writeBytes(taken);
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }

  @Test
  void aLargeExecutableIsWrittenWholeInSmallWrites() throws Exception {
    byte[] content = new byte[(2 << 20) + 17];
    new Random(7).nextBytes(content);
    Recording channel = new Recording(Integer.MAX_VALUE);

    ModuleLoader.writeInSlices(channel, Bytes.of(content));

    assertThat(channel.written.toByteArray()).isEqualTo(content);
    assertThat(channel.asked).allMatch(n -> n <= ModuleLoader.WRITE_SLICE).hasSize(33);
  }

  @Test
  void aShortWriteIsFollowedByTheRest() throws Exception {
    byte[] content = new byte[100_000];
    new Random(8).nextBytes(content);
    Recording channel = new Recording(1000);

    ModuleLoader.writeInSlices(channel, Bytes.of(content));

    assertThat(channel.written.toByteArray()).isEqualTo(content);
  }
}
