package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three u16 frame types: limits, codes, Reset without length, single writes. */
class FrameTest {
  @Test
  void payloadOver65535BytesIsRefusedOnConstruction() {
    Bytes big = Bytes.of(new byte[65536]);

    assertThatThrownBy(() -> new CommandMessage(CommandCode.CALL, big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "CommandMessage CALL(1) payload length: 65536 (expected: <= 65535, a u16 field)");
    assertThatThrownBy(() -> new ResultMessage(ResultCode.OK, big))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Message(big)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maximalPayloadRoundTrips() throws Exception {
    Message message = new Message(Bytes.of(new byte[65535]));

    assertThat(message.encode().slice(0, 2).hex()).isEqualTo("ffff");
    assertThat(Message.decode(message.encode())).isEqualTo(message);
  }

  @Test
  void lengthAboveTheReaderLimitFailsBeforeThePayloadIsRead() throws Exception {
    byte[] frame = Bytes.fromHex("01000b").concat(Bytes.of(new byte[11])).toByteArray();
    CountingInputStream counted = new CountingInputStream(frame);
    WireReader reader = WireReader.of(counted).withLimits(ReadLimits.DEFAULT.withMaxPayload(10));

    assertThatThrownBy(reader::readCommandMessage)
        .isInstanceOfSatisfying(
            FrameTooLongException.class,
            e -> {
              assertThat(e.declared()).isEqualTo(11);
              assertThat(e.max()).isEqualTo(10);
            })
        .hasMessage("CommandMessage CALL(1) payload: 11 bytes (expected: <= 10)");
    assertThat(counted.consumed).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 9, 100, 255})
  void unknownCodesAreRejectedWithTheirNumber(int code) {
    Bytes frame = Bytes.of((byte) code, (byte) 0, (byte) 0);

    assertThatThrownBy(() -> CommandMessage.decode(frame))
        .isInstanceOfSatisfying(
            UnknownCodeException.class, e -> assertThat(e.value()).isEqualTo(code))
        .hasMessage("unknown CommandCode: " + code + " (expected: 0..7)");
    assertThatThrownBy(() -> ResultMessage.decode(frame))
        .isInstanceOf(UnknownCodeException.class)
        .hasMessage("unknown ResultCode: " + code + " (expected: 0..7)");
    assertThatThrownBy(
            () ->
                WireReader.of(new ByteArrayInputStream(frame.toByteArray()))
                    .readCommand(LoadFormat.NATIVE))
        .isInstanceOf(UnknownCodeException.class);
  }

  @Test
  void resetIsAcceptedWithoutItsLengthBytes() throws Exception {
    WireReader reader = WireReader.of(new ByteArrayInputStream(new byte[] {4}));

    assertThat(reader.readCommand(LoadFormat.SGX)).contains(CommandMessage.of(CommandCode.RESET));
    assertThat(CommandMessage.decode(Bytes.of((byte) 4)))
        .isEqualTo(CommandMessage.of(CommandCode.RESET));
    assertThat(CommandMessage.of(CommandCode.RESET).encode().hex()).isEqualTo("040000");
  }

  @Test
  void resetWithOneLengthByteIsTruncated() {
    assertThatThrownBy(() -> CommandMessage.decode(Bytes.fromHex("0400")))
        .isInstanceOf(TruncatedFrameException.class)
        .hasMessage("CommandMessage RESET(4) length: 1 bytes before end of input (expected: 2)");
  }

  @Test
  void otherCommandsNeedTheirLength() {
    assertThatThrownBy(() -> CommandMessage.decode(Bytes.fromHex("00")))
        .isInstanceOf(TruncatedFrameException.class)
        .hasMessage("CommandMessage CONNECT(0) length: 0 bytes before end of input (expected: 2)");
  }

  @Test
  void readersReturnEmptyOnACleanEndBeforeTheFirstByte() throws Exception {
    assertThat(emptyReader().readCommandMessage()).isEmpty();
    assertThat(emptyReader().readCommand(LoadFormat.TRUSTZONE)).isEmpty();
    assertThat(emptyReader().readResult()).isEmpty();
    assertThat(emptyReader().readMessage()).isEmpty();
  }

  @Test
  void aReaderReadsConsecutiveFrames() throws Exception {
    Bytes two =
        ResultMessage.of(ResultCode.OK)
            .encode()
            .concat(new ResultMessage(ResultCode.CRYPTO_ERROR, Bytes.fromHex("01")).encode());
    WireReader reader = WireReader.of(new ByteArrayInputStream(two.toByteArray()));

    assertThat(reader.readResult()).contains(ResultMessage.of(ResultCode.OK));
    assertThat(reader.readResult().orElseThrow().code()).isEqualTo(ResultCode.CRYPTO_ERROR);
    assertThat(reader.readResult()).isEmpty();
  }

  @Test
  void eachFrameIsWrittenInOneCall() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    List<WireFrame> frames =
        List.of(
            new CommandMessage(CommandCode.CALL, Bytes.fromHex("00010005")),
            ResultMessage.of(ResultCode.OK),
            new Message(Bytes.fromHex("0003")),
            new NativeLoad(Bytes.fromHex("7f454c46")));
    for (WireFrame frame : frames) {
      frame.writeTo(out);
    }

    assertThat(out.writes).containsExactly(7, 3, 4, 9);
    assertThat(Bytes.of(out.bytes.toByteArray()).hex())
        .isEqualTo("01000400010005" + "000000" + "00020003" + "03000000047f454c46");
  }

  private static WireReader emptyReader() {
    return WireReader.of(new ByteArrayInputStream(new byte[0]));
  }

  private static final class CountingInputStream extends ByteArrayInputStream {
    int consumed;

    CountingInputStream(byte[] data) {
      super(data);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      consumed += Math.max(n, 0);
      return n;
    }
  }

  private static final class RecordingOutputStream extends OutputStream {
    final List<Integer> writes = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      writes.add(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes.add(len);
      bytes.write(b, off, len);
    }
  }
}
