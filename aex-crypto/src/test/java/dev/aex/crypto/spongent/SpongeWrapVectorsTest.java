package dev.aex.crypto.spongent;

import static dev.aex.testkit.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import dev.aex.crypto.SymmetricKey;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every SpongeWrap vector of the shared folder, in both directions, for both variants. */
class SpongeWrapVectorsTest {

  static Stream<Arguments> wrap128() {
    return SpongentVectors.named("spongewrap");
  }

  static Stream<Arguments> wrap64() {
    return SpongentVectors.named("spongewrap_64bit");
  }

  static Stream<Arguments> mustFail() {
    return SpongentVectors.named("spongeunwrap_must_fail");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"wrap128", "wrap64"})
  void wrapGivesTheVectorCiphertextAndTag(JsonNode v) {
    assertThat(wrapFor(v).wrap(hex(v, "ad"), hex(v, "plaintext")))
        .isEqualTo(concat(hex(v, "ciphertext"), hex(v, "tag")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"wrap128", "wrap64"})
  void unwrapGivesTheVectorPlaintext(JsonNode v) throws AuthenticationFailedException {
    byte[] wire = concat(hex(v, "ciphertext"), hex(v, "tag"));
    assertThat(wrapFor(v).unwrap(hex(v, "ad"), wire)).isEqualTo(hex(v, "plaintext"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mustFail")
  void unwrapRejectsTheMustFailVectors(JsonNode v) {
    byte[] wire = concat(hex(v, "ciphertext"), hex(v, "tag"));
    assertThatThrownBy(() -> wrapFor(v).unwrap(hex(v, "ad"), wire))
        .isInstanceOfSatisfying(AuthenticationFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_TAG));
  }

  @Test
  void theVectorFileHasTheDocumentedCounts() {
    assertThat(SpongentVectors.all("spongewrap")).hasSize(143);
    assertThat(SpongentVectors.all("spongeunwrap_must_fail")).hasSize(19);
    assertThat(SpongentVectors.all("spongewrap_64bit")).hasSize(3);
  }

  static SpongeWrap wrapFor(JsonNode v) {
    byte[] key = hex(v, "key");
    return SpongeWrap.create(SpongentVariant.forKeyLength(key.length), SymmetricKey.copyOf(key));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
