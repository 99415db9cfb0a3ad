package dev.aex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ping-pong: ping, gateway and pong (three nodes in the descriptor) as three processes, wired
 * through a {@link Relay} with the connection ids the deployer gives the descriptor's connections.
 */
class PingPongTest extends ExampleTest {
  static final int SEND_PING = 0;
  static final int FW_INT0 = 1;
  static final int SEND_PONG = 2;
  static final int FW_INT1 = 3;

  @Test
  void aPingComesBackAsAPongThroughTheGateway() throws Exception {
    try (RunningModule ping = Examples.module("ping-pong", "ping").start();
        RunningModule gateway = Examples.module("ping-pong", "gateway").start();
        RunningModule pong = Examples.module("ping-pong", "pong").start()) {
      Relay relay = new Relay(em)
          .route(SEND_PING, gateway).route(FW_INT0, pong).route(SEND_PONG, gateway).route(FW_INT1, ping);
      Wiring.connect(ping, "send_ping", gateway, "send_int0", SEND_PING);
      Wiring.connect(gateway, "fw_int0", pong, "recv_ping", FW_INT0);
      Wiring.connect(pong, "send_pong", gateway, "send_int1", SEND_PONG);
      Wiring.connect(gateway, "fw_int1", ping, "recv_pong", FW_INT1);

      for (int round = 1; round <= 2; round++) {
        // call ping start --arg 0800: 8 bytes, little-endian as in the original.
        assertThat(ping.call("start", new byte[] {8, 0})).isEqualTo(ResultMessage.of(ResultCode.OK));
        assertThat(awaitPongs(ping, round)).isEqualTo(round);
      }
      assertThat(pong.awaitLog("received ping with data size: 8")).contains("received ping with data size: 8");
      assertThat(ping.awaitLog("received pong of 8 bytes")).contains("received pong of 8 bytes");
      assertThat(relay.failures()).isEmpty();
    }
  }

  @Test
  void startNeedsATwoByteSize() {
    try (RunningModule ping = Examples.module("ping-pong", "ping").start()) {
      assertThat(ping.call("start", new byte[] {8}).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
      assertThat(ping.call("pongs", new byte[0]))
          .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(new byte[4])));
    }
  }

  private static int awaitPongs(RunningModule ping, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int pongs = pongs(ping);
    while (pongs < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      pongs = pongs(ping);
    }
    return pongs;
  }

  private static int pongs(RunningModule ping) {
    ResultMessage reply = ping.call("pongs", new byte[0]);
    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    return ByteBuffer.wrap(reply.payload().toByteArray()).getInt();
  }
}
