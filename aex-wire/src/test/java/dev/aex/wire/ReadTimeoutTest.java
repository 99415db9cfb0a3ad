package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aex.testkit.Background;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deadlines on real connections, whichever keeps them (SO_TIMEOUT on a TCP socket, the watchdog
 * on a TCP socket or a Unix domain socket): a stalled or dripping peer cannot hold a reader.
 */
class ReadTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = Duration.ofSeconds(10);

  /** Who keeps the reader's deadlines. */
  enum Kind {
    SO_TIMEOUT,
    WATCHED_SOCKET,
    LOCAL_SOCKET
  }

  @TempDir Path folder;
  @AutoClose private final Background peers = new Background();


  @ParameterizedTest
  @EnumSource(Kind.class)
  void aPeerThatStallsAfterTwoBytesTimesOut(Kind kind) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Pair pair = connect(kind)) {
        pair.peer().write(new byte[] {0, 0});
        WireReader reader = WireReader.of(pair.reader(), TIMEOUT, () -> {});
        long start = System.nanoTime();

        assertThatThrownBy(reader::readCommandMessage)
            .isInstanceOf(WireTimeoutException.class)
            .hasCauseInstanceOf(SocketTimeoutException.class)
            .hasMessage("CommandMessage CONNECT(0) length: 1 of 2 bytes within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusMillis(1_500));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aDrippingPeerIsCutOffAtTheFrameDeadline(Kind kind) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Pair pair = connect(kind)) {
        peers.submit(() -> {
          pair.peer().write(new byte[] {1, 0, 20});
          for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            pair.peer().write(0);
          }
          return null;
        });
        WireReader reader = WireReader.of(pair.reader(), TIMEOUT, () -> {});
        long start = System.nanoTime();

        assertThatThrownBy(reader::readCommandMessage)
            .isInstanceOf(WireTimeoutException.class)
            .hasMessageContaining("CommandMessage CALL(1) payload");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
      }
    });
  }

  /**
   * A frame whose first byte came late in the wait for it has the whole timeout for the rest: a
   * module stopped longer than the timeout lost the events that arrived meanwhile, cut off after
   * their first byte (found by the hostile-network re-check).
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFrameHasTheTimeoutFromItsFirstByte(Kind kind) {
    assertTimeoutPreemptively(BOUND, () -> {
      Duration timeout = Duration.ofSeconds(1);
      try (Pair pair = connect(kind)) {
        peers.submit(() -> {
          Thread.sleep(700); // the first byte 0.7 s into the wait, the rest 0.7 s later
          pair.peer().write(new byte[] {0, 0});
          Thread.sleep(700);
          pair.peer().write(new byte[] {0});
          return null;
        });
        WireReader reader = WireReader.of(pair.reader(), timeout, () -> {});

        assertThat(reader.readResult()).contains(ResultMessage.of(ResultCode.OK));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aCleanCloseBeforeAFrameIsEmptyAndInsideOneIsTruncated(Kind kind) throws Exception {
    try (Pair silent = connect(kind)) {
      silent.peer().close();
      assertThat(WireReader.of(silent.reader(), TIMEOUT, () -> {}).readResult()).isEmpty();
    }
    try (Pair cut = connect(kind)) {
      cut.peer().write(new byte[] {0, 0, 5, 1});
      cut.peer().close();
      assertThatThrownBy(() -> WireReader.of(cut.reader(), TIMEOUT, () -> {}).readResult())
          .isInstanceOf(TruncatedFrameException.class)
          .hasMessage("ResultMessage OK(0) payload: 1 bytes before end of input (expected: 5)");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"WATCHED_SOCKET", "LOCAL_SOCKET"})
  void afterAWatchdogTimeoutEveryReadFails(Kind kind) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Pair pair = connect(kind)) {
        pair.reader().setReadTimeout(200);

        assertThatThrownBy(() -> pair.reader().input().read())
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessage("no data within 200 ms");
        // The input was shut to end the read; what follows is not mistaken for a clean end.
        assertThatThrownBy(() -> pair.reader().input().read())
            .isInstanceOf(SocketTimeoutException.class);
      }
    });
  }

  /** The event manager serves the connections beyond its first few on virtual threads. */
  @ParameterizedTest
  @EnumSource(names = {"WATCHED_SOCKET", "LOCAL_SOCKET"})
  void aStalledReadOnAVirtualThreadTimesOutToo(Kind kind) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Pair pair = connect(kind)) {
        pair.peer().write(new byte[] {0, 0});
        WireReader reader = WireReader.of(pair.reader(), TIMEOUT, () -> {});
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
          try {
            failure.complete(new AssertionError("read " + reader.readCommandMessage()));
          } catch (IOException | RuntimeException e) {
            failure.complete(e);
          }
        });

        assertThat(failure.get())
            .isInstanceOf(WireTimeoutException.class)
            .hasMessage("CommandMessage CONNECT(0) length: 1 of 2 bytes within 300 ms");
      }
    });
  }

  @Test
  void aTimeoutSetOnThePlainStreamIsStillTyped() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback loopback = new Loopback();
              Socket socket = loopback.acceptFromClientWriting(new byte[] {0}, 3_000)) {
            socket.setSoTimeout(200);

            assertThatThrownBy(() -> WireReader.of(socket.getInputStream()).readResult())
                .isInstanceOf(WireTimeoutException.class)
                .hasMessage("ResultMessage OK(0) length: 0 of 2 bytes before the read timed out");
          }
        });
  }

  private Pair connect(Kind kind) throws IOException {
    if (kind == Kind.LOCAL_SOCKET) {
      Path file = folder.resolve("peer.sock");
      try (ServerSocketChannel server = LocalTransport.listen(file)) {
        LocalTransport peer = LocalTransport.connect(file);
        return new Pair(LocalTransport.accepted(server.accept()), peer.output(), peer);
      }
    }
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Socket peer = new Socket(server.getInetAddress(), server.getLocalPort());
      Socket accepted = server.accept();
      Transport reader =
          kind == Kind.SO_TIMEOUT ? Transport.of(accepted) : Transport.watched(accepted);
      return new Pair(reader, peer.getOutputStream(), peer);
    }
  }

  /** The reader's end, and the peer's output (closing the peer closes it). */
  private record Pair(Transport reader, OutputStream peer, AutoCloseable peerEnd)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      peerEnd.close();
      reader.close();
    }
  }
}
