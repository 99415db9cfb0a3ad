package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aex.testkit.Background;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix domain socket connections between an event manager and its modules: frames flow as on TCP
 * (their deadlines are in {@link ReadTimeoutTest}), a stale socket file is no listener, and the
 * watchdog keeps a short deadline armed after a long one, or after it fell asleep for lack of any.
 */
class LocalTransportTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path folder;
  @AutoClose private final Background peers = new Background();


  @Test
  void framesGoBothWays() throws Exception {
    Path file = folder.resolve("1.sock");
    try (ServerSocketChannel server = LocalTransport.listen(file)) {
      Future<Message> received = peers.submit(() -> {
        try (LocalTransport accepted = LocalTransport.accepted(server.accept())) {
          Message message = WireReader.of(accepted, TIMEOUT, () -> {}).readMessage().orElseThrow();
          ResultMessage.of(ResultCode.OK).writeTo(accepted.output());
          return message;
        }
      });
      try (LocalTransport client = LocalTransport.connect(file)) {
        new Message(Bytes.of(new byte[] {0, 4, 9, 9})).writeTo(client.output());

        assertThat(WireReader.of(client, TIMEOUT, () -> {}).readResult())
            .contains(ResultMessage.of(ResultCode.OK));
        assertThat(received.get(5, TimeUnit.SECONDS).payload())
            .isEqualTo(Bytes.of(new byte[] {0, 4, 9, 9}));
      }
    }
  }

  @Test
  void aShortDeadlineArmedAfterALongOneStillFiresOnTime() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Pair slow = pair("4.sock"); Pair quick = pair("5.sock")) {
        slow.server().setReadTimeout(8_000);
        Future<?> slowRead = peers.submit(() -> slow.server().input().read());
        Thread.sleep(100); // the watchdog now watches the 8 s deadline
        quick.server().setReadTimeout(200);
        long start = System.nanoTime();

        assertThatThrownBy(() -> quick.server().input().read())
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessage("no data within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
        slow.client().output().write(7);
        assertThat(slowRead.get(5, TimeUnit.SECONDS)).isEqualTo(7);
      }
    });
  }

  @Test
  void aDeadlineArmedAfterALongQuietStillFires() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Pair pair = pair("9.sock")) {
        Thread.sleep(1_300); // nothing armed for a second: the watchdog sleeps until an arm
        pair.server().setReadTimeout(200);
        long start = System.nanoTime();

        assertThatThrownBy(() -> pair.server().input().read())
            .isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
      }
    });
  }

  @Test
  void nothingListeningIsAnErrorAndAStaleFileIsReplaced() throws Exception {
    Path file = folder.resolve("7.sock");
    assertThatThrownBy(() -> LocalTransport.connect(file)).isInstanceOf(IOException.class);
    LocalTransport.listen(file).close(); // a process that died leaves its file behind
    assertThat(file).exists();
    assertThatThrownBy(() -> LocalTransport.connect(file)).isInstanceOf(IOException.class);

    try (Pair pair = pair("7.sock")) {
      pair.client().output().write(5);
      assertThat(pair.server().input().read()).isEqualTo(5);
    }
  }

  /** A listener that accepts nothing (a stopped module) fills its queue; then connects fail. */
  @Test
  void aListenerThatAcceptsNothingFailsTheConnectInsteadOfBlockingIt() throws Exception {
    Path file = folder.resolve("8.sock");
    try (ServerSocketChannel stopped = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      stopped.bind(UnixDomainSocketAddress.of(file), 1);
      List<LocalTransport> waiting = new ArrayList<>();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        for (int i = 0; i < 100; i++) {
          try {
            waiting.add(LocalTransport.connect(file));
          } catch (IOException e) {
            return e;
          }
        }
        throw new AssertionError("100 connections queued at a listener with a queue of 1");
      });
      assertThat(waiting).isNotEmpty();
      for (LocalTransport t : waiting) {
        t.close();
      }
    }
  }

  @Test
  void aReadTimeoutMustBePositive() throws Exception {
    try (Pair pair = pair("8.sock")) {
      assertThatThrownBy(() -> pair.server().setReadTimeout(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("read timeout: 0 ms (expected: >= 1)");
    }
  }

  private Pair pair(String name) throws Exception {
    Path file = folder.resolve(name);
    try (ServerSocketChannel server = LocalTransport.listen(file)) {
      Future<LocalTransport> accepted = peers.submit(() -> LocalTransport.accepted(server.accept()));
      LocalTransport client = LocalTransport.connect(file);
      return new Pair(client, accepted.get(5, TimeUnit.SECONDS));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Pair(LocalTransport client, LocalTransport server) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      client.close();
      server.close();
    }
  }
}
