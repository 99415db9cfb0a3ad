package dev.aex.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The control messages to aex modules are the frames of SECURITY.md §4's vectors
 * ({@code aex-crypto/src/test/resources/secure-aes-gcm-vectors.json}, computed with Python).
 */
class SecureControlVectorTest {
  private static final SymmetricKey K = SymmetricKey.copyOf(
      Hex.decode("000102030405060708090a0b0c0d0e0f"));

  @Test
  void setKeyAttestAndDisableFrames() throws Exception {
    JsonNode setKey = vector("set-key-control-0");
    byte[] args = Control.secureSetKey(K, 0, 2, 1, 0x4000,
        SymmetricKey.copyOf(Hex.decode(setKey.path("plaintext").asText())));
    // [enc:1][conn_id:2][io_id:2][frame]; the AD is BE16(0) followed by those five bytes
    assertThat(Hex.encode(args)).isEqualTo("0200014000" + setKey.path("frame").asText());
    assertThat(setKey.path("ad").asText()).isEqualTo("0000" + "0200014000");

    byte[] challenge = Hex.decode("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    PendingRequest attest = Control.secureAttest(K, 7, challenge);
    assertThat(Hex.encode(attest.frame())).isEqualTo(vector("attest-control-7").path("frame").asText());
    byte[] reply = Hex.decode(vector("attest-reply-7").path("frame").asText());
    assertThat(attest.openReply(Control.attestAd(), reply)).isEqualTo(challenge);

    assertThat(Hex.encode(Control.secureDisable(K, 8)))
        .isEqualTo(vector("disable-control-8").path("frame").asText());
  }

  private static JsonNode vector(String name) throws Exception {
    Path file = Vectors.projectRoot()
        .resolve("aex-crypto/src/test/resources/secure-aes-gcm-vectors.json");
    for (JsonNode v : new ObjectMapper().readTree(file.toFile()).path("vectors")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no vector " + name);
  }
}
