package dev.aex.crypto.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.testkit.Mutations;
import dev.aex.testkit.Vectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LegacyZeroIvAesGcmTest {
  private static final String FILE = "aes-gcm-zero-iv.json";

  static Stream<Arguments> vectors() {
    return Vectors.list(FILE, "vectors").stream().map(v -> Arguments.of(v.get("name").asText(), v));
  }

  @Test
  void fileHoldsEveryVector() {
    assertThat(Vectors.json(FILE).get("iv").asText()).isEqualTo("000000000000000000000000");
    assertThat(Vectors.list(FILE, "vectors")).hasSize(135);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void encryptsLikeTheOriginal(String name, JsonNode v) {
    byte[] expected = concat(Vectors.hex(v, "ciphertext"), Vectors.hex(v, "tag"));
    assertThat(cipher(v).encrypt(Vectors.hex(v, "aad"), Vectors.hex(v, "plaintext")))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decryptsWhatTheOriginalSent(String name, JsonNode v) throws Exception {
    byte[] sent = concat(Vectors.hex(v, "ciphertext"), Vectors.hex(v, "tag"));
    assertThat(cipher(v).decrypt(Vectors.hex(v, "aad"), sent))
        .isEqualTo(Vectors.hex(v, "plaintext"));
  }

  @Test
  void rejectsEveryMutationOfCiphertextTagAndAd() {
    JsonNode v = Vectors.list(FILE, "vectors").stream()
        .filter(n -> n.get("plaintext").asText().length() >= 10 && n.get("aad").asText().length() >= 4)
        .findFirst().orElseThrow();
    LegacyZeroIvAesGcm cipher = cipher(v);
    byte[] ad = Vectors.hex(v, "aad");
    byte[] sent = concat(Vectors.hex(v, "ciphertext"), Vectors.hex(v, "tag"));
    for (Mutations.Mutation m : Mutations.of(sent)) {
      assertThatThrownBy(() -> cipher.decrypt(ad, m.bytes()))
          .as("ciphertext||tag %s", m).isInstanceOf(AuthenticationFailedException.class);
    }
    for (Mutations.Mutation m : Mutations.of(ad)) {
      assertThatThrownBy(() -> cipher.decrypt(m.bytes(), sent))
          .as("AD %s", m).isInstanceOf(AuthenticationFailedException.class);
    }
  }

  @Test
  void rejectsTheWrongKeyWithTheUniformMessage() {
    JsonNode v = Vectors.list(FILE, "vectors").get(2);
    byte[] key = Vectors.hex(v, "key");
    key[0] ^= 1;
    byte[] sent = concat(Vectors.hex(v, "ciphertext"), Vectors.hex(v, "tag"));
    assertThatThrownBy(() -> LegacyZeroIvAesGcm.create(SymmetricKey.copyOf(key))
            .decrypt(Vectors.hex(v, "aad"), sent))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessage("decryption failed");
  }

  @Test
  void macIsTheTagOfAnEmptyPlaintext() {
    List<JsonNode> replies = Vectors.list("trustzone-keys.json", "attestation_replies");
    for (JsonNode r : replies) {
      LegacyZeroIvAesGcm cipher =
          LegacyZeroIvAesGcm.create(SymmetricKey.copyOf(Vectors.hex(r, "module_key")));
      assertThat(cipher.mac(Vectors.hex(r, "challenge"))).isEqualTo(Vectors.hex(r, "reply_payload"));
    }
  }

  @Test
  void refusesKeysThatAreNot16Bytes() {
    assertThatThrownBy(() -> LegacyZeroIvAesGcm.create(SymmetricKey.copyOf(new byte[32])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes (expected: 16)");
  }

  private static LegacyZeroIvAesGcm cipher(JsonNode v) {
    return LegacyZeroIvAesGcm.create(SymmetricKey.copyOf(Vectors.hex(v, "key")));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
