package dev.aex.crypto.secure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secure suite against vectors computed by a second implementation (Python cryptography,
 * src/test/python/secure_aes_vectors.py), so the layout in SECURITY.md is what the code does.
 */
class SecureAesGcmVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> forward() throws IOException {
    return vectors().stream()
        .filter(v -> v.get("direction").asInt() == SecureAesGcm.FORWARD)
        .map(v -> Arguments.of(v.get("name").asText(), v));
  }

  static Stream<Arguments> reply() throws IOException {
    return vectors().stream()
        .filter(v -> v.get("direction").asInt() == SecureAesGcm.REPLY)
        .map(v -> Arguments.of(v.get("name").asText(), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forward")
  void senderProducesTheFrame(String name, JsonNode v) {
    Sender sender = suite(v).resumeSender(v.get("counter").asLong());
    assertThat(HEX.formatHex(sender.seal(hex(v, "ad"), hex(v, "plaintext"))))
        .isEqualTo(v.get("frame").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forward")
  void receiverOpensTheFrame(String name, JsonNode v) throws Exception {
    assertThat(suite(v).newReceiver().open(hex(v, "ad"), hex(v, "frame")))
        .isEqualTo(hex(v, "plaintext"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reply")
  void repliesAreSealedAndOpenedUnderTheReplyDirection(String name, JsonNode v) throws Exception {
    SecureAesGcm suite = suite(v);
    PendingRequest request = suite.resumeSender(v.get("counter").asLong())
        .sealRequest(hex(v, "ad"), new byte[] {1, 2, 3});
    ReceivedRequest received = suite.newReceiver().openRequest(hex(v, "ad"), request.frame());
    byte[] reply = received.sealReply(hex(v, "ad"), hex(v, "plaintext"));
    assertThat(HEX.formatHex(reply)).isEqualTo(v.get("frame").asText());
    assertThat(request.openReply(hex(v, "ad"), hex(v, "frame"))).isEqualTo(hex(v, "plaintext"));
  }

  private static SecureAesGcm suite(JsonNode v) {
    return SecureAesGcm.create(SymmetricKey.copyOf(hex(v, "key")));
  }

  private static byte[] hex(JsonNode v, String field) {
    return HEX.parseHex(v.get(field).asText());
  }

  private static List<JsonNode> vectors() throws IOException {
    try (InputStream in = SecureAesGcmVectorsTest.class.getResourceAsStream(
        "/secure-aes-gcm-vectors.json")) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get("vectors").forEach(out::add);
      return out;
    }
  }
}
