package dev.aex.crypto.spongent;

import static dev.aex.testkit.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 336-bit permutation alone, through the designers' standard SPONGENT-224/224/112 hash: absorb
 * 14-byte blocks of the message padded with 0x80 then zeros, then squeeze 14 bytes at a time until
 * 28. SpongeWrap never uses this mode; it only gives vectors that do not involve the duplex.
 */
class SpongentHashTest {
  private static final int RATE = 14;
  private static final int DIGEST = 28;

  static Stream<Arguments> hashes() {
    return SpongentVectors.named("spongent_hash_224_224_112");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hashes")
  void permutationGivesTheStandardHash(JsonNode v) {
    assertThat(hash(hex(v, "message"))).isEqualTo(hex(v, "digest"));
  }

  static byte[] hash(byte[] message) {
    SpongentState state = new SpongentState(SpongentVariant.SPONGENT_128.permutation());
    byte[] padded = Arrays.copyOf(message, (message.length / RATE + 1) * RATE);
    padded[message.length] = (byte) 0x80;
    for (int off = 0; off < padded.length; off += RATE) {
      ByteBuffer block = ByteBuffer.wrap(Arrays.copyOfRange(padded, off, off + 16))
          .order(ByteOrder.LITTLE_ENDIAN);
      state.xorBytes(block.getLong(0), 0);
      state.xorBytes(block.getLong(8) & 0xFFFF_FFFF_FFFFL, 8);
      state.permute();
    }
    ByteBuffer digest = ByteBuffer.allocate(DIGEST + 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off < DIGEST; off += RATE) {
      if (off > 0) {
        state.permute();
      }
      digest.putLong(off, state.readBytes(0));
      digest.putLong(off + 8, state.readBytes(8) & 0xFFFF_FFFF_FFFFL);
    }
    return Arrays.copyOf(digest.array(), DIGEST);
  }
}
