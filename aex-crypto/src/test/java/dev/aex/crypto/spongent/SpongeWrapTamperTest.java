package dev.aex.crypto.spongent;

import static dev.aex.crypto.spongent.SpongeWrapVectorsTest.concat;
import static dev.aex.testkit.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mutation sweep (style habit 9): starting from valid vectors, every single-bit flip of the
 * ciphertext, tag and associated data, every truncation, one extra byte and every one-bit change of
 * the key must be rejected, each with the same uniform message.
 */
class SpongeWrapTamperTest {
  /** Short vectors keep the sweep fast; the 64-bit ones cover the other variant. */
  static Stream<Arguments> vectors() {
    return Stream.concat(
        SpongentVectors.named("spongewrap").limit(12), SpongentVectors.named("spongewrap_64bit"));
  }

  record Mutation(String what, byte[] key, byte[] ad, byte[] wire) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyMutationIsRejected(JsonNode v) {
    byte[] wire = concat(hex(v, "ciphertext"), hex(v, "tag"));
    List<Mutation> mutations = mutations(hex(v, "key"), hex(v, "ad"), wire);
    List<String> accepted = new ArrayList<>();
    for (Mutation m : mutations) {
      SpongeWrap wrap = SpongeWrap.create(
          SpongentVariant.forKeyLength(m.key().length), SymmetricKey.copyOf(m.key()));
      try {
        wrap.unwrap(m.ad(), m.wire());
        accepted.add(m.what());
      } catch (AuthenticationFailedException e) {
        assertThat(e).hasMessage("decryption failed");
      }
    }
    assertThat(mutations.size()).isGreaterThan(9 * wire.length);
    assertThat(accepted).as("accepted mutations").isEmpty();
  }

  static List<Mutation> mutations(byte[] key, byte[] ad, byte[] wire) {
    List<Mutation> out = new ArrayList<>();
    for (int bit = 0; bit < 8 * wire.length; bit++) {
      out.add(new Mutation("wire bit " + bit, key, ad, flip(wire, bit)));
    }
    for (int bit = 0; bit < 8 * ad.length; bit++) {
      out.add(new Mutation("ad bit " + bit, key, flip(ad, bit), wire));
    }
    for (int bit = 0; bit < 8 * key.length; bit += 7) {
      out.add(new Mutation("key bit " + bit, flip(key, bit), ad, wire));
    }
    for (int n = 0; n < wire.length; n++) {
      out.add(new Mutation("wire truncated to " + n, key, ad, Arrays.copyOf(wire, n)));
    }
    out.add(new Mutation("extra wire byte", key, ad, Arrays.copyOf(wire, wire.length + 1)));
    out.add(new Mutation("extra ad byte", key, Arrays.copyOf(ad, ad.length + 1), wire));
    if (ad.length > 0) {
      out.add(new Mutation("ad truncated", key, Arrays.copyOf(ad, ad.length - 1), wire));
    }
    return out;
  }

  private static byte[] flip(byte[] a, int bit) {
    byte[] out = a.clone();
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }
}
