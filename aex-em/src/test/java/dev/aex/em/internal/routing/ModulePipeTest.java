package dev.aex.em.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.Bytes;
import dev.aex.wire.Message;
import dev.aex.wire.ResultMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ModulePipeTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  /**
   * A module that stops reading (a handler that hangs) fills the socket's buffers: the write
   * under the pipe's lock fails after the timeout instead of blocking, so the events owed a
   * reply fail, and closing the pipe (as a Reset does) returns.
   */
  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aModuleThatStopsReadingFailsTheSendAndTheOwedRepliesAndClosingReturns() throws Exception {
    try (ServerSocket module = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ModulePipe pipe = new ModulePipe(
          new InetSocketAddress(module.getInetAddress(), module.getLocalPort()), TIMEOUT, 256);
      Message big = new Message(Bytes.of(new byte[60_000]));
      List<CompletableFuture<Optional<ResultMessage>>> owed = new ArrayList<>();
      IOException failure = null;
      // The module's side is never accepted nor read: the kernel takes what its buffers hold.
      for (int i = 0; i < 256 && failure == null; i++) { // 15 MB: more than the buffers hold
        try {
          owed.add(pipe.send(big, true));
        } catch (IOException e) {
          failure = e;
        }
      }

      assertThat(failure).as("a send failed").isNotNull()
          .hasMessageContaining("took nothing for 500 ms");
      assertThat(owed).isNotEmpty()
          .allSatisfy(reply -> assertThat(reply).failsWithin(Duration.ofSeconds(5)));
      pipe.close();
    }
  }
}
