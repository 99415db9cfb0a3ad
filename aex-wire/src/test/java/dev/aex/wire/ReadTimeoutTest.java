package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deadlines on a real loopback socket: a stalled or dripping peer cannot hold a reader. */
class ReadTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = Duration.ofSeconds(5);

  @Test
  void aPeerThatStallsAfterTwoBytesTimesOut() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback loopback = new Loopback();
              Socket socket = loopback.acceptFromClientWriting(new byte[] {0, 0}, 3_000)) {
            WireReader reader = WireReader.of(socket, TIMEOUT);
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

  @Test
  void aDrippingPeerIsCutOffAtTheFrameDeadline() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback loopback = new Loopback()) {
            loopback.serve(
                () -> {
                  try (Socket client =
                      new Socket(loopback.address().getAddress(), loopback.address().getPort())) {
                    client.getOutputStream().write(new byte[] {1, 0, 20});
                    for (int i = 0; i < 20; i++) {
                      Thread.sleep(100);
                      client.getOutputStream().write(0);
                    }
                  }
                  return null;
                });
            try (Socket socket = loopback.server().accept()) {
              WireReader reader = WireReader.of(socket, TIMEOUT);
              long start = System.nanoTime();

              assertThatThrownBy(reader::readCommandMessage)
                  .isInstanceOf(WireTimeoutException.class)
                  .hasMessageContaining("CommandMessage CALL(1) payload");
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(Duration.ofMillis(1_500));
            }
          }
        });
  }

  @Test
  void aCleanCloseBeforeAFrameIsEmptyAndInsideOneIsTruncated() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback loopback = new Loopback()) {
            try (Socket silent = loopback.acceptFromClientWriting(new byte[0], 0)) {
              assertThat(WireReader.of(silent, TIMEOUT).readResult()).isEmpty();
            }
            try (Socket cut = loopback.acceptFromClientWriting(new byte[] {0, 0, 5, 1}, 0)) {
              assertThatThrownBy(() -> WireReader.of(cut, TIMEOUT).readResult())
                  .isInstanceOf(TruncatedFrameException.class)
                  .hasMessage(
                      "ResultMessage OK(0) payload: 1 bytes before end of input (expected: 5)");
            }
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
}
