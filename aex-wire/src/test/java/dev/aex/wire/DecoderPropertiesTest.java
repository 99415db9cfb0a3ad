package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.SealedData;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, every decoder either decodes or throws a {@link WireFormatException}; and
 * whatever the valid values, encoding then decoding gives them back.
 */
class DecoderPropertiesTest {
  private static final List<AllDecoders.Named> DECODERS = AllDecoders.all();

  @Property
  void randomBytesGiveOnlyWireFormatErrors(@ForAll @Size(max = 80) byte[] input) {
    assertOnlyWireFormatErrors(Bytes.of(input));
  }

  @Property
  void mutatedVectorFramesGiveOnlyWireFormatErrors(@ForAll("mutatedFrames") byte[] input) {
    assertOnlyWireFormatErrors(Bytes.of(input));
  }

  @Property
  void commandMessagesRoundTrip(
      @ForAll @IntRange(max = 7) int code, @ForAll @Size(max = 300) byte[] payload)
      throws Exception {
    CommandMessage message = new CommandMessage(CommandCode.values()[code], Bytes.of(payload));

    assertThat(CommandMessage.decode(message.encode())).isEqualTo(message);
  }

  @Property
  void remoteOutputsRoundTrip(
      @ForAll @IntRange(max = 0xffff) int toSm,
      @ForAll @IntRange(max = 0xffff) int connId,
      @ForAll @Size(max = 100) byte[] ciphertext,
      @ForAll @Size(16) byte[] tag)
      throws Exception {
    RemoteOutput output =
        new RemoteOutput(toSm, connId, new SealedData(Bytes.of(ciphertext), Bytes.of(tag)));

    assertThat(RemoteOutput.decode(output.encode())).isEqualTo(output);
  }

  @Provide
  Arbitrary<byte[]> mutatedFrames() {
    List<byte[]> frames =
        FrameVectors.all().map(v -> VectorFrames.hex(v.getPayload(), "hex").toByteArray()).toList();
    return Arbitraries.of(frames).flatMap(DecoderPropertiesTest::mutate);
  }

  /** One flipped byte, a cut, an inserted byte or a rewritten length field. */
  private static Arbitrary<byte[]> mutate(byte[] frame) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, frame.length - 1);
    Arbitrary<Byte> value = Arbitraries.bytes();
    return Arbitraries.oneOf(
        Combinators.combine(at, value).as((i, b) -> with(frame, i, b)),
        at.map(i -> Arrays.copyOf(frame, i)),
        Combinators.combine(at, value).as((i, b) -> inserted(frame, i, b)),
        Combinators.combine(value, value).as((hi, lo) -> with(with(frame, 1, hi), 2, lo)));
  }

  private static byte[] with(byte[] frame, int index, byte value) {
    byte[] copy = frame.clone();
    if (index < copy.length) {
      copy[index] = value;
    }
    return copy;
  }

  private static byte[] inserted(byte[] frame, int index, byte value) {
    byte[] out = new byte[frame.length + 1];
    System.arraycopy(frame, 0, out, 0, index);
    out[index] = value;
    System.arraycopy(frame, index, out, index + 1, frame.length - index);
    return out;
  }

  private static void assertOnlyWireFormatErrors(Bytes input) {
    for (AllDecoders.Named d : DECODERS) {
      try {
        d.decoder().decode(input);
      } catch (WireFormatException expected) {
        // The only failure a decoder may report for bad input.
      } catch (Exception | Error e) {
        throw new AssertionError(d.name() + " threw " + e + " for " + input.hex(), e);
      }
    }
  }
}
