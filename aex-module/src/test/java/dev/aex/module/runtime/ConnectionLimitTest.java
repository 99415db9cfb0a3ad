package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.testing.ModuleClient;
import dev.aex.wire.ResultCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections beyond the limit are closed at once; below it again, the module serves. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectionLimitTest {
  private final Harness harness = new Harness();
  private final List<Socket> idle = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (Socket socket : idle) {
      socket.close();
    }
    harness.close();
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
    int port = harness.start(new TestModule(), SymmetricKey.random16()).port();
    for (int i = 0; i < EntryServer.MAX_CONNECTIONS; i++) {
      idle.add(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    try (LogCapture log = new LogCapture(Level.INFO)) {
      for (int i = 0; i < 5; i++) {
        try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), port)) {
          extra.setSoTimeout(10_000);
          assertThat(extra.getInputStream().read()).as("closed by the module").isEqualTo(-1);
        }
      }
      // One warning per flood: a line per refused connection let a flood fill the EM's log.
      assertThat(log.messages()).filteredOn(m -> m.contains("connections open already"))
          .hasSize(1);
    }

    idle.removeFirst().close();
    Optional<ResultCode> code = Optional.empty();
    for (int i = 0; i < 100 && code.isEmpty(); i++) { // until the module saw the close
      Thread.sleep(20);
      code = echo(port);
    }
    assertThat(code).contains(ResultCode.OK);
  }

  /** A call's result; empty if the module closed the connection (still at its limit). */
  private static Optional<ResultCode> echo(int port) {
    try {
      return Optional.of(ModuleClient.call(port, TestModule.E_ECHO, new byte[] {1}).code());
    } catch (AssertionError | UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
