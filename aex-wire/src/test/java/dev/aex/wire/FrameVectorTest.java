package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared vectors both ways: their bytes decode to their stated fields and re-encode
 * identically, and their fields alone encode to their bytes (wire-messages.json,
 * peer-session.json).
 */
class FrameVectorTest {
  static Stream<Named<JsonNode>> frames() {
    return FrameVectors.all();
  }

  @ParameterizedTest
  @MethodSource("frames")
  void decodesToStatedFields(JsonNode vector) throws Exception {
    WireFrame frame = VectorFrames.decode(vector, VectorFrames.hex(vector, "hex"));

    JsonNode actual = FieldView.of(frame, vector.get("fields"));

    assertThat(FieldView.normalized(actual)).isEqualTo(FieldView.normalized(vector.get("fields")));
  }

  @ParameterizedTest
  @MethodSource("frames")
  void reencodesToTheSameBytes(JsonNode vector) throws Exception {
    Bytes hex = VectorFrames.hex(vector, "hex");

    assertThat(VectorFrames.decode(vector, hex).encode()).isEqualTo(hex);
  }

  @ParameterizedTest
  @MethodSource("frames")
  void encodesFromStatedFields(JsonNode vector) throws Exception {
    assertThat(VectorFrames.build(vector).encode().hex()).isEqualTo(vector.get("hex").asText());
  }

  @ParameterizedTest
  @MethodSource("frames")
  void readsTheSameFrameFromFragmentedStreams(JsonNode vector) throws Exception {
    Bytes hex = VectorFrames.hex(vector, "hex");
    WireFrame expected = VectorFrames.decode(vector, hex);
    for (Named<Function<byte[], InputStream>> source : FrameSources.all()) {
      WireReader reader = WireReader.of(source.getPayload().apply(hex.toByteArray()));

      assertThat(VectorFrames.read(vector, reader)).as(source.getName()).contains(expected);
      assertThat(VectorFrames.read(vector, reader)).as(source.getName() + ", then").isEmpty();
    }
  }
}
