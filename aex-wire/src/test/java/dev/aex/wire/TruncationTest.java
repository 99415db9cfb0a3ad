package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector frame cut at every position, whole and through fragmented streams. */
class TruncationTest {
  static Stream<Named<JsonNode>> frames() {
    return FrameVectors.all();
  }

  @ParameterizedTest
  @MethodSource("frames")
  void everyProperPrefixIsATruncation(JsonNode vector) {
    Bytes frame = VectorFrames.hex(vector, "hex");
    for (int cut = 0; cut < frame.size(); cut++) {
      Bytes prefix = frame.slice(0, cut);
      if (isBareReset(prefix)) {
        continue;
      }
      assertThatThrownBy(() -> VectorFrames.decode(vector, prefix))
          .as("cut at %d", cut)
          .isInstanceOfSatisfying(
              TruncatedFrameException.class,
              e -> assertThat(e.received()).isLessThan(e.expected()));
    }
  }

  @ParameterizedTest
  @MethodSource("frames")
  void streamsEndingInsideAFrameAreTruncationsAndEmptyStreamsAreNot(JsonNode vector)
      throws Exception {
    Bytes frame = VectorFrames.hex(vector, "hex");
    for (Named<Function<byte[], InputStream>> source : FrameSources.all()) {
      assertThat(VectorFrames.read(vector, WireReader.of(source.getPayload().apply(new byte[0]))))
          .isEmpty();
      for (int cut = 1; cut < frame.size(); cut++) {
        byte[] prefix = frame.slice(0, cut).toByteArray();
        if (isBareReset(Bytes.of(prefix))) {
          continue;
        }
        WireReader reader = WireReader.of(source.getPayload().apply(prefix));
        assertThatThrownBy(() -> VectorFrames.read(vector, reader))
            .as("%s, cut at %d", source.getName(), cut)
            .isInstanceOf(TruncatedFrameException.class);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("frames")
  void aTrailingByteIsMalformed(JsonNode vector) {
    Bytes frame = VectorFrames.hex(vector, "hex").concat(Bytes.of((byte) 0));

    assertThatThrownBy(() -> VectorFrames.decode(vector, frame))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("frame size: " + frame.size());
  }

  @Test
  void truncationMessageNamesFieldAndCounts() {
    assertThatThrownBy(() -> CommandMessage.decode(Bytes.fromHex("00000b0001")))
        .hasMessage(
            "CommandMessage CONNECT(0) payload: 2 bytes before end of input (expected: 11)");
  }

  @Test
  void emptyInputToAWholeFrameDecoderIsATruncation() {
    assertThatThrownBy(() -> ResultMessage.decode(Bytes.empty()))
        .isInstanceOf(TruncatedFrameException.class)
        .hasMessage("ResultMessage first byte: 0 bytes before end of input (expected: 1)");
  }

  /** {@code 04} alone is a complete Reset (protocol.md §1.6.5). */
  private static boolean isBareReset(Bytes prefix) {
    return prefix.size() == 1 && prefix.get(0) == 4;
  }
}
