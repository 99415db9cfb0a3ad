package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Vectors;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 5 captured native Loads of peer-session.json, of which only the header and the first 64 ELF
 * bytes are stored: the header must read as code 3 with u32 length = exe_length, and the cut-off
 * body must end in a truncation that names both lengths.
 */
class PeerSessionLoadTest {
  static Stream<Named<JsonNode>> loads() {
    return Vectors.list("peer-session.json", "messages").stream()
        .filter(v -> v.has("hex_prefix"))
        .map(v -> Named.of(FrameVectors.peerName(v), v));
  }

  @ParameterizedTest
  @MethodSource("loads")
  void headerAnnouncesTheExecutableLength(JsonNode vector) {
    Bytes prefix = VectorFrames.hex(vector, "hex_prefix");
    JsonNode fields = vector.get("fields");
    long exeLength = fields.get("exe_length").asLong();

    assertThat(prefix.getUnsigned(0)).isEqualTo(fields.get("code").asInt()).isEqualTo(3);
    assertThat(prefix.slice(1, 5).hex()).isEqualTo(String.format("%08x", exeLength));
    assertThat(prefix.slice(5, prefix.size()).hex())
        .isEqualTo(fields.get("exe_first_bytes").asText());
    assertThat(vector.get("message_length").asLong()).isEqualTo(5 + exeLength);
  }

  @ParameterizedTest
  @MethodSource("loads")
  void cutOffBodyIsATruncationWithinTheDefaultCap(JsonNode vector) {
    Bytes prefix = VectorFrames.hex(vector, "hex_prefix");
    long exeLength = vector.get("fields").get("exe_length").asLong();
    WireReader reader = WireReader.of(new ByteArrayInputStream(prefix.toByteArray()));

    assertThatThrownBy(() -> reader.readCommand(LoadFormat.NATIVE))
        .isInstanceOfSatisfying(
            TruncatedFrameException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(exeLength);
              assertThat(e.received()).isEqualTo(prefix.size() - 5);
            })
        .hasMessageContaining("NativeLoad exe");
  }
}
