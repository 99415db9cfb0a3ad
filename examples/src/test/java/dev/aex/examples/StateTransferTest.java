package dev.aex.examples;

import static dev.aex.examples.Payloads.NOTHING;
import static dev.aex.examples.Payloads.u16;
import static dev.aex.examples.Payloads.u32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.Sender;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * state-transfer: the counter's page and handler, its save/restore convention, and a whole update
 * as the deployer runs it (deployer-reference.md §5.1): a temporary transfer connection from the
 * old module's output to the new module's input, then the save entry on the old one.
 */
class StateTransferTest extends ExampleTest {
  static final int GET_REQUESTS = 0;
  /** The update's temporary connection takes the next free connection id. */
  static final int TRANSFER = 1;

  @Test
  void thePageCountsItsViewsAndGetRequestsTellsTheCount() throws Exception {
    try (RunningModule counter = Examples.module("state-transfer", "counter").start()) {
      Sender deployer = Wiring.sender(counter.connect(GET_REQUESTS, "get_requests"));
      int port = Examples.freePort();

      assertThat(counter.call("init", u16(port))).isEqualTo(ResultMessage.of(ResultCode.OK));
      assertThat(Http.get(port).body()).isEqualTo("0\n");
      assertThat(Http.get(port).body()).isEqualTo("1\n");
      assertThat(Http.get(port, "/favicon.ico").status()).isEqualTo(404);

      assertThat(counter.request(deployer, GET_REQUESTS, NOTHING)).isEqualTo(u32(2));
    }
  }

  @Test
  void saveEmitsTheCountAndRestoreTakesItOver() throws Exception {
    try (RunningModule counter = Examples.module("state-transfer", "counter").start()) {
      Receiver transfer = Captured.receiver(counter.connect(TRANSFER, "__transfer"));
      Sender restore = counter.connectInput(TRANSFER + 1, "__restore");
      Sender deployer = Wiring.sender(counter.connect(GET_REQUESTS, "get_requests"));

      assertThat(counter.event(restore, TRANSFER + 1, u32(41))).isEqualTo(ResultMessage.of(ResultCode.OK));
      assertThat(counter.request(deployer, GET_REQUESTS, NOTHING)).isEqualTo(u32(41));
      assertThat(counter.call("__save", NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));

      ModuleOutput saved = Captured.next(em);
      assertThat(saved.connId()).isEqualTo(TRANSFER);
      assertThat(Captured.open(transfer, saved)).isEqualTo(u32(41));
    }
  }

  /**
   * The original's CI check on one machine: the page on the first node shows 0, get-requests is
   * read, the counter is updated to a new instance with state transfer, and the page on the new
   * instance goes on from 1.
   */
  @Test
  void theCountSurvivesAnUpdate() throws Exception {
    try (RunningModule old = Examples.module("state-transfer", "counter").start();
        RunningModule updated = Examples.module("state-transfer", "counter", "-updated").start()) {
      Sender oldDeployer = Wiring.sender(old.connect(GET_REQUESTS, "get_requests"));
      int oldPort = Examples.freePort();
      assertThat(old.call("init", u16(oldPort)).code()).isEqualTo(ResultCode.OK);
      assertThat(Http.get(oldPort).body()).isEqualTo("0\n");
      assertThat(old.request(oldDeployer, GET_REQUESTS, NOTHING)).isEqualTo(u32(1));

      Relay relay = new Relay(em).route(TRANSFER, updated);
      Wiring.connect(old, "__transfer", updated, "__restore", TRANSFER);
      assertThat(old.call("__save", NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));
      // After the transfer the deployer re-establishes get-requests on the new module.
      Sender newDeployer = Wiring.sender(updated.connect(GET_REQUESTS, "get_requests"));
      awaitCount(updated, newDeployer, 1);

      int newPort = Examples.freePort();
      assertThat(updated.call("init", u16(newPort)).code()).isEqualTo(ResultCode.OK);
      assertThat(Http.get(newPort).body()).isEqualTo("1\n");
      assertThat(relay.failures()).isEmpty();
    }
  }

  private static void awaitCount(RunningModule counter, Sender deployer, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    byte[] count = counter.request(deployer, GET_REQUESTS, NOTHING);
    while (!Arrays.equals(count, u32(expected)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      count = counter.request(deployer, GET_REQUESTS, NOTHING);
    }
    assertThat(count).as("restored count").isEqualTo(u32(expected));
  }
}
