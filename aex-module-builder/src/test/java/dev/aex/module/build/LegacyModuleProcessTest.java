package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.module.testing.FakeEm;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import dev.aex.wire.ResultCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module binary built with the legacy flag talks to the original system: under the key K of
 * {@code wire-messages.json} it takes the original set_key and input bytes and emits exactly the
 * original output event.
 */
class LegacyModuleProcessTest {
  private static final String FILE = "wire-messages.json";
  private static final SymmetricKey K = SymmetricKey.copyOf(Hex.decode("000102030405060708090a0b0c0d0e0f"));
  private static final SymmetricKey CK = SymmetricKey.copyOf(Hex.decode("101112131415161718191a1b1c1d1e1f"));

  @TempDir Path out;

  @Test
  void originalInputInOriginalOutputOut() throws Exception {
    byte[] setKeyOutput = Hex.decode(vector("set-key-aes-em-to-module").get("hex").asText());
    byte[] inputData = Vectors.hex(vector("event-aes-em-to-module").get("fields").get("args_fields"), "data");
    String expectedOutput = vector("event-aes-module-output").get("hex").asText();
    try (FakeEm em = new FakeEm()) {
      CounterBinary counter = CounterBinary.build(out, em.port(), K, true);
      try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(), env -> {})) {
        assertThat(ModuleClient.raw(counter.port(), setKeyOutput).code()).isEqualTo(ResultCode.OK);
        byte[] setKeyInput = TestDeployer.legacySetKey(K, 0, 2, counter.id("increment"), 1, CK);
        assertThat(ModuleClient.call(counter.port(), 0, setKeyInput).code()).isEqualTo(ResultCode.OK);

        // The original's event AD is its nonce, not the connection id: the bytes fit connection 2.
        byte[] input = TestDeployer.eventArgs(2, inputData);
        assertThat(ModuleClient.call(counter.port(), 3, input).code()).isEqualTo(ResultCode.OK);

        assertThat(em.next().encode().hex()).isEqualTo(expectedOutput);
        assertThat(ModuleClient.call(counter.port(), 3, input).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
        assertThat(module.isAlive()).isTrue();
      }
    }
  }

  private static JsonNode vector(String name) {
    return Vectors.list(FILE, "messages").stream()
        .filter(v -> v.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vector " + name + " in " + FILE));
  }
}
