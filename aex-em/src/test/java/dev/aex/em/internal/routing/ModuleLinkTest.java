package dev.aex.em.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aex.testkit.Background;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.LocalTransport;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.Transport;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which way a module link reaches its module: the socket file while it is served, else TCP. */
class ModuleLinkTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Message MESSAGE = new Message(Bytes.of(new byte[] {0, 9, 1, 2}));

  @TempDir Path folder;
  @AutoClose private final Background modules = new Background();


  @Test
  void aServedSocketFileIsUsedInsteadOfThePort() throws Exception {
    Path file = folder.resolve("socket");
    try (ServerSocketChannel server = LocalTransport.listen(file);
        ModuleLink link = link(unusedPort(), file, TIMEOUT)) {
      modules.submit(() -> echo(LocalTransport.accepted(server.accept())));

      // Nothing listens on the port: only the socket file can answer, twice on one connection.
      assertThat(link.exchange(MESSAGE)).contains(echoOf(MESSAGE));
      assertThat(link.exchange(MESSAGE)).contains(echoOf(MESSAGE));
    }
  }

  @Test
  void aStaleSocketFileFallsBackToThePort() throws Exception {
    Path file = folder.resolve("stale");
    LocalTransport.listen(file).close(); // left behind by a module that died
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ModuleLink link = link(server.getLocalPort(), file, TIMEOUT)) {
      modules.submit(() -> echo(Transport.of(server.accept())));

      assertThat(link.exchange(MESSAGE)).contains(echoOf(MESSAGE));
    }
  }

  @Test
  void aModuleSilentOnItsSocketFileTimesOut() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      Path file = folder.resolve("silent");
      try (ServerSocketChannel server = LocalTransport.listen(file);
          ModuleLink link = link(unusedPort(), file, TIMEOUT)) {
        modules.submit(() -> {
          try (LocalTransport accepted = LocalTransport.accepted(server.accept())) {
            accepted.input().read(new byte[64]); // takes the message, never answers
            Thread.sleep(5_000);
          }
          return null;
        });

        assertThatThrownBy(() -> link.exchange(MESSAGE))
            .isInstanceOf(WireTimeoutException.class)
            .hasMessageContaining("within 300 ms");
      }
    });
  }

  private static ModuleLink link(int port, Path socketFile, Duration timeout) {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    return new ModuleLink(address, socketFile, timeout, 4, true);
  }

  private static int unusedPort() {
    return LoopbackPorts.free();
  }

  /** A module that answers each message with Ok and the message's payload. */
  private static Void echo(Transport transport) throws Exception {
    try (transport) {
      WireReader reader = WireReader.of(transport, Duration.ofSeconds(5), () -> {});
      for (Optional<Message> m = reader.readMessage(); m.isPresent(); m = reader.readMessage()) {
        echoOf(m.get()).writeTo(transport.output());
      }
    }
    return null;
  }

  private static ResultMessage echoOf(Message message) {
    return new ResultMessage(ResultCode.OK, message.payload());
  }
}
