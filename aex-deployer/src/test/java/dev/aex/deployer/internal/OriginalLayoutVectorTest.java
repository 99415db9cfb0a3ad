package dev.aex.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.SealedData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The deployer's messages to original modules are byte for byte those of the shared vectors
 * ({@code wire-messages.json}, computed outside aex with the keys K and CK).
 */
class OriginalLayoutVectorTest {
  private static final SymmetricKey K = key("000102030405060708090a0b0c0d0e0f");
  private static final SymmetricKey CK = key("101112131415161718191a1b1c1d1e1f");

  @Test
  void setKeyAesAndSancus() {
    assertThat(call(1, 0, Control.legacySetKey(K, 0, 0, 1, 16384, CK))).isEqualTo(hex("set-key-aes"));
    assertThat(call(1, 0, Control.sancusSetKey(K, 0, 1, 0, CK))).isEqualTo(hex("set-key-sancus"));
  }

  @Test
  void disableAesAndSancus() {
    assertThat(call(1, 2, Control.legacyDisable(K, 3))).isEqualTo(hex("disable-aes"));
    assertThat(call(1, 2, Control.sancusDisable(K, 3))).isEqualTo(hex("disable-sancus"));
  }

  @Test
  void attestChallengeAndTheTagsExpected() {
    byte[] challenge = Hex.decode("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    assertThat(call(1, 1, new Attest(Bytes.of(challenge)).encode().toByteArray()))
        .isEqualTo(hex("attest-call"));
    assertThat(payload("attest-reply-tz")).isEqualTo(Control.trustZoneTag(K, challenge));
    assertThat(payload("attest-reply-sancus")).isEqualTo(Control.sancusTag(K, challenge));
  }

  @Test
  void directEventsAndRequestsUnderTheOriginalSuites() throws Exception {
    byte[] data = Suite.LEGACY_AES.sealEvent(CK, 1, 0, Hex.decode("0100"));
    assertThat(new RemoteOutput(2, 1, SealedData.split(Bytes.of(data), "t")).toMessage().encode()
        .hex()).isEqualTo(hex("event-aes-remote-output"));
    String spongent = hex("event-spongent-module-output");
    assertThat(Hex.encode(Suite.SPONGENT.sealEvent(CK, 1, 0, Hex.decode("0100"))))
        .isEqualTo(spongent.substring(spongent.length() - 36));

    Suite.SentRequest sent = Suite.LEGACY_AES.sealRequest(CK, 3, 4, ascii("ping"));
    assertThat(new RemoteRequest(2, 3, SealedData.split(Bytes.of(sent.frame()), "t")).toMessage()
        .encode().hex()).isEqualTo(hex("request-remote-request"));
    ResultMessage reply = ResultMessage.decode(Bytes.fromHex(hex("request-handler-reply")));
    assertThat(sent.opener().open(reply.payload().toByteArray())).isEqualTo(ascii("pong"));
    assertThat(Suite.LEGACY_AES.requestCounters()).isEqualTo(2);
  }

  private static String call(int sm, int entry, byte[] args) {
    return new Call(sm, entry, Bytes.of(args)).toMessage().encode().hex();
  }

  private static JsonNode message(String name) {
    for (JsonNode m : Vectors.list("wire-messages.json", "messages")) {
      if (m.path("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no vector " + name);
  }

  private static String hex(String name) {
    return message(name).path("hex").asText();
  }

  private static byte[] payload(String name) {
    return Hex.decode(message(name).path("fields").path("payload").asText());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static SymmetricKey key(String hex) {
    return SymmetricKey.copyOf(Hex.decode(hex));
  }
}
