package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.Sender;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.ResultCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad message sent to a module process gets its ResultCode, and after each one the
 * module still delivers a good event: one bad peer never takes a module down.
 */
class BadMessageProcessTest extends CounterProcessFixture {

  @Test
  void eachBadMessageIsRejectedAndTheNextGoodEventIsDelivered() {
    Sender input = keyedInput(1);
    byte[] setKey = deployer.setKey(2, 2, counter.id("increment"), SymmetricKey.random16());
    byte[] replayable = input.seal(TestDeployer.ad(3, 1), bytes("once"));
    Map<String, Supplier<ResultCode>> cases = new LinkedHashMap<>();
    cases.put("set_key under another module key", () -> call(0,
        new TestDeployer(SymmetricKey.random16()).setKey(2, 3, 0, SymmetricKey.random16())));
    cases.put("set_key once", () -> call(0, setKey));
    cases.put("set_key replayed", () -> call(0, setKey));
    cases.put("event once", () -> call(3, TestDeployer.eventArgs(1, replayable)));
    cases.put("event replayed", () -> call(3, TestDeployer.eventArgs(1, replayable)));
    cases.put("event with a flipped tag bit", () -> call(3, TestDeployer.eventArgs(1, flipLast(
        input.seal(TestDeployer.ad(3, 1), bytes("x"))))));
    cases.put("event on an unknown connection", () -> call(3, TestDeployer.eventArgs(77,
        input.seal(TestDeployer.ad(3, 77), bytes("x")))));
    cases.put("event args of one byte", () -> call(3, new byte[] {0}));
    cases.put("set_key one byte short", () -> call(0, Arrays.copyOf(setKey, 44)));
    cases.put("attest one byte long", () -> call(1, new byte[41]));
    cases.put("the original set_key layout", () -> call(0,
        TestDeployer.legacySetKey(MODULE_KEY, 0, 4, 0, 0, SymmetricKey.random16())));
    cases.put("an entry the module does not have", () -> call(99, new byte[0]));
    cases.put("a frame cut short", this::frameCutShort);

    Map<String, ResultCode> codes = new LinkedHashMap<>();
    cases.forEach((name, send) -> {
      codes.put(name, send.get());
      assertThat(event(input, 1, "still alive").code()).as("good event after: " + name)
          .isEqualTo(ResultCode.OK);
    });

    assertThat(codes).containsExactly(
        Map.entry("set_key under another module key", ResultCode.CRYPTO_ERROR),
        Map.entry("set_key once", ResultCode.OK),
        Map.entry("set_key replayed", ResultCode.CRYPTO_ERROR),
        Map.entry("event once", ResultCode.OK),
        Map.entry("event replayed", ResultCode.CRYPTO_ERROR),
        Map.entry("event with a flipped tag bit", ResultCode.CRYPTO_ERROR),
        Map.entry("event on an unknown connection", ResultCode.BAD_REQUEST),
        Map.entry("event args of one byte", ResultCode.ILLEGAL_PAYLOAD),
        Map.entry("set_key one byte short", ResultCode.ILLEGAL_PAYLOAD),
        Map.entry("attest one byte long", ResultCode.ILLEGAL_PAYLOAD),
        Map.entry("the original set_key layout", ResultCode.ILLEGAL_PAYLOAD),
        Map.entry("an entry the module does not have", ResultCode.BAD_REQUEST),
        Map.entry("a frame cut short", ResultCode.ILLEGAL_PAYLOAD));
    assertThat(module.isAlive()).isTrue();
  }

  @Test
  void aPeerThatConnectsAndWaitsDoesNotBlockOthers() {
    Sender input = keyedInput(1);
    try (ModuleClient silent = ModuleClient.connect(counter.port())) {
      assertThat(event(input, 1, "past the silent one").code()).isEqualTo(ResultCode.OK);
      assertThat(silent.send(99, new byte[0]).code()).isEqualTo(ResultCode.BAD_REQUEST);
    }
  }

  private ResultCode call(int entry, byte[] args) {
    return ModuleClient.call(counter.port(), entry, args).code();
  }

  /** A Message header announcing 40 bytes, then 3 bytes and end of stream. */
  private ResultCode frameCutShort() {
    try (ModuleClient client = ModuleClient.connect(counter.port())) {
      return client.sendAndShutdown(new byte[] {0, 40, 0, 3, 1}).code();
    }
  }

  private static byte[] flipLast(byte[] frame) {
    frame[frame.length - 1] ^= 1;
    return frame;
  }
}
