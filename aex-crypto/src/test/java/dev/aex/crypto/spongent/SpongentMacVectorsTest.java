package dev.aex.crypto.spongent;

import static dev.aex.testkit.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import dev.aex.crypto.SymmetricKey;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every SpongentMAC vector of the shared folder, for both variants. */
class SpongentMacVectorsTest {

  static Stream<Arguments> macs() {
    return Stream.concat(
        SpongentVectors.named("spongent_mac"), SpongentVectors.named("spongent_mac_64bit"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("macs")
  void computeMacGivesTheVectorTag(JsonNode v) {
    assertThat(macFor(v).computeMac(hex(v, "message"))).isEqualTo(hex(v, "tag"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("macs")
  void verifyMacAcceptsTheVectorTag(JsonNode v) throws AuthenticationFailedException {
    macFor(v).verifyMac(hex(v, "tag"), hex(v, "message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("macs")
  void verifyMacRejectsAChangedOrShortTag(JsonNode v) {
    byte[] tag = hex(v, "tag");
    byte[] flipped = tag.clone();
    flipped[flipped.length - 1] ^= 0x01;
    assertThatThrownBy(() -> macFor(v).verifyMac(flipped, hex(v, "message")))
        .isInstanceOfSatisfying(AuthenticationFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_TAG));
    byte[] shortTag = Arrays.copyOf(tag, tag.length - 1);
    assertThatThrownBy(() -> macFor(v).verifyMac(shortTag, hex(v, "message")))
        .isInstanceOfSatisfying(AuthenticationFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
  }

  @Test
  void theVectorFileHasTheDocumentedCounts() {
    assertThat(SpongentVectors.all("spongent_mac")).hasSize(35);
    assertThat(SpongentVectors.all("spongent_mac_64bit")).hasSize(1);
    assertThat(SpongentVectors.all("spongent_hash_224_224_112")).hasSize(13);
  }

  private static SpongentMac macFor(JsonNode v) {
    byte[] key = hex(v, "key");
    return SpongentMac.create(SpongentVariant.forKeyLength(key.length), SymmetricKey.copyOf(key));
  }
}
