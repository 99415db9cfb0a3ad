package dev.aex.module.runtime;

import dev.aex.module.testing.TestDeployer;
import dev.aex.module.testing.ModuleClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.spongent.SpongeWrap;
import dev.aex.crypto.spongent.SpongentVariant;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A module standing in for an original one (original-control stamp) under the key K of {@code
 * wire-messages.json} answers the original set_key, attest and disable messages and emits the
 * original event bytes; a module with only the legacy flag (what the deployer stamps on a module
 * with a connection to an original one) takes zero-IV AES connections but none of those.
 */
class LegacyVectorTest {
  private static final String FILE = "wire-messages.json";
  private static final SymmetricKey K = key("000102030405060708090a0b0c0d0e0f");
  private static final SymmetricKey CK = key("101112131415161718191a1b1c1d1e1f");

  private final Harness harness = new Harness();
  private final TestModule module = new TestModule();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void originalSetKeyThenOutputGivesTheOriginalEventBytes() {
    int port = startLegacy();
    assertThat(ModuleClient.raw(port, message("set-key-aes-em-to-module")))
        .isEqualTo(ResultMessage.of(ResultCode.OK));

    ModuleClient.call(port, TestModule.E_SEND, Hex.decode("0100"));

    assertThat(harness.em.next().encode().hex()).isEqualTo(hex("event-aes-module-output"));
  }

  @Test
  void originalSetKeyIsRefusedWhenReplayedOrForged() {
    int port = startLegacy();
    byte[] setKey = message("set-key-aes-em-to-module");
    byte[] forged = setKey.clone();
    forged[forged.length - 1] ^= 1;
    assertThat(ModuleClient.raw(port, forged).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
    // A forgery consumes no nonce: the genuine message with the same nonce still works.
    assertThat(ModuleClient.raw(port, setKey).code()).isEqualTo(ResultCode.OK);
    assertThat(ModuleClient.raw(port, setKey).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
  }

  @Test
  void originalAttestGetsTheTrustZoneTag() {
    int port = startLegacy();
    byte[] args = Vectors.hex(vector("attest-call").get("fields"), "args");
    assertThat(ModuleClient.call(port, 1, args).encode().hex()).isEqualTo(hex("attest-reply-tz"));
  }

  @Test
  void originalDisableWithTheModuleNonce() {
    int port = startLegacy();
    ModuleClient.raw(port, message("set-key-aes-em-to-module"));
    for (int nonce = 1; nonce <= 2; nonce++) {
      byte[] setKey = TestDeployer.legacySetKey(K, 0, 10 + nonce, 0, nonce, CK);
      assertThat(ModuleClient.call(port, 0, setKey).code()).isEqualTo(ResultCode.OK);
    }
    byte[] disable = Vectors.hex(vector("disable-aes").get("fields"), "args");

    assertThat(ModuleClient.call(port, 2, disable).code()).isEqualTo(ResultCode.OK);
    assertThat(ModuleClient.call(port, TestModule.E_SEND, new byte[0]).code()).isEqualTo(ResultCode.OK);
    harness.em.assertNothingWithin(Duration.ofMillis(100));
    assertThat(ModuleClient.call(port, 2, disable).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
  }

  @Test
  void originalInputIsAcceptedOnceAndOnlyInOrder() throws Exception {
    int port = startLegacy();
    ModuleClient.call(port, 0, TestDeployer.legacySetKey(K, 0, 1, TestModule.IN_RECORD, 0, CK));
    byte[] event = Vectors.hex(vector("event-aes-em-to-module").get("fields"), "args");

    assertThat(ModuleClient.call(port, 3, event).code()).isEqualTo(ResultCode.OK);
    assertThat(module.nextInput()).isEqualTo(Hex.decode("0100"));
    assertThat(ModuleClient.call(port, 3, event).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void spongentConnectionGivesTheOriginalEventBytesWithoutTheLegacyFlag() throws Exception {
    TestDeployer deployer = new TestDeployer(SymmetricKey.random16());
    int port = harness.start(module, deployer.moduleKey).port();
    ModuleClient.call(port, 0, deployer.setKey(1, 1, TestModule.OUT, CK));
    ModuleClient.call(port, 0, deployer.setKey(1, 2, TestModule.IN_RECORD, CK));

    ModuleClient.call(port, TestModule.E_SEND, Hex.decode("0100"));
    assertThat(harness.em.next().encode().hex()).isEqualTo(hex("event-spongent-module-output"));

    SpongeWrap wrap = SpongeWrap.create(SpongentVariant.SPONGENT_128, CK);
    for (int n = 0; n < 3; n++) {
      byte[] sealed = wrap.wrap(new byte[] {0, (byte) n}, new byte[] {(byte) n, 0});
      assertThat(ModuleClient.call(port, 3, TestDeployer.eventArgs(2, sealed)).code())
          .isEqualTo(ResultCode.OK);
      assertThat(module.nextInput()).containsExactly(n, 0);
    }
    byte[] skipped = wrap.wrap(new byte[] {0, 4}, new byte[2]);
    assertThat(ModuleClient.call(port, 3, TestDeployer.eventArgs(2, skipped)).code())
        .isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  /**
   * Two zero-IV tags under the module key (two original attests) give away the GHASH key that the
   * module's secure control messages share, and so forged set_keys and disables: a module that
   * only has legacy connections answers no original control layout.
   */
  @Test
  void legacyConnectionsAloneAnswerNoOriginalControlLayout() {
    int port = harness.start(module, K, deployment -> deployment.withLegacy(true)).port();
    byte[] attest = Vectors.hex(vector("attest-call").get("fields"), "args");

    assertThat(ModuleClient.call(port, 1, attest).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(ModuleClient.call(port, 0, TestDeployer.legacySetKey(K, 0, 2, 0, 1, CK)).code())
        .isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(ModuleClient.call(port, 2, TestDeployer.legacyDisable(K, 1)).code())
        .isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    // What the flag is for: a zero-IV AES connection, keyed with the secure set_key.
    assertThat(ModuleClient.call(port, 0, new TestDeployer(K).setKey(0, 2, TestModule.IN_RECORD, CK))
        .code()).isEqualTo(ResultCode.OK);
  }

  private int startLegacy() {
    return harness.start(module, K, deployment -> deployment.withOriginalControl()).port();
  }

  private static byte[] message(String name) {
    return Hex.decode(hex(name));
  }

  private static String hex(String name) {
    return vector(name).get("hex").asText();
  }

  private static JsonNode vector(String name) {
    return Vectors.list(FILE, "messages").stream()
        .filter(v -> v.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vector " + name + " in " + FILE));
  }

  private static SymmetricKey key(String hex) {
    return SymmetricKey.copyOf(Hex.decode(hex));
  }
}
