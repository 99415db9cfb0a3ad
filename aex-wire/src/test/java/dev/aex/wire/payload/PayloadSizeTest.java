package dev.aex.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.WireFormatException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload record refuses every wrong size from 0 to 64 bytes with the message shape {@code
 * <Type> payload length: <got> (expected: <size>)}, and accepts every right one.
 */
class PayloadSizeTest {
  @FunctionalInterface
  interface Decoder {
    Object decode(Bytes payload) throws WireFormatException;
  }

  /** Decoder, its name in messages, the smallest valid size, and whether larger is valid. */
  static Stream<Arguments> layouts() {
    return Stream.of(
        layout("Connect", Connect::decode, 11, false),
        layout("RegisterEntrypoint", RegisterEntrypoint::decode, 8, false),
        layout("Reset", Reset::decode, 0, false),
        layout("Call", Call::decode, 4, true),
        layout("RemoteOutput", RemoteOutput::decode, 20, true),
        layout("RemoteRequest", RemoteRequest::decode, 20, true),
        layout("ModuleOutput", ModuleOutput::decode, 20, true),
        layout("EntryCall", EntryCall::decode, 2, true),
        layout("EventArgs", EventArgs::decode, 18, true),
        layout("SetKey", SetKey::decode, 39, false),
        layout("SancusSetKey", SancusSetKey::decode, 38, false),
        layout("Disable", Disable::decode, 20, false),
        layout("SancusLoadReply", SancusLoadReply::decode, 2, true));
  }

  private static Arguments layout(String type, Decoder decoder, int size, boolean open) {
    return Arguments.of(Named.of(type, decoder), type, size, open);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void wrongSizesAreMalformedWithTypeValueAndExpectation(
      Decoder decoder, String type, int size, boolean open) {
    IntStream.rangeClosed(0, 64)
        .filter(n -> open ? n < size : n != size)
        .forEach(
            n ->
                assertThatThrownBy(() -> decoder.decode(zeros(n)))
                    .isInstanceOf(MalformedPayloadException.class)
                    .hasMessage(
                        type
                            + " payload length: "
                            + n
                            + " (expected: "
                            + (open ? ">= " : "")
                            + size
                            + ")"));
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void rightSizesDecode(Decoder decoder, String type, int size, boolean open) throws Exception {
    for (int n = size; n <= (open ? 64 : size); n++) {
      assertThat(decoder.decode(zeros(n))).as("%d bytes", n).isNotNull();
    }
  }

  private static Bytes zeros(int n) {
    return Bytes.of(new byte[n]);
  }
}
