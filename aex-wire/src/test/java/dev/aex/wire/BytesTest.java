package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void copiesInAndOut() {
    byte[] source = {1, 2, 3};
    Bytes bytes = Bytes.of(source);
    source[0] = 9;
    bytes.toByteArray()[1] = 9;

    assertThat(bytes.hex()).isEqualTo("010203");
  }

  @Test
  void equalityIsByContent() {
    assertThat(Bytes.fromHex("00ff")).isEqualTo(Bytes.of((byte) 0, (byte) -1));
    assertThat(Bytes.fromHex("00ff")).hasSameHashCodeAs(Bytes.of((byte) 0, (byte) -1));
    assertThat(Bytes.fromHex("00ff")).isNotEqualTo(Bytes.fromHex("00fe"));
    assertThat(Bytes.of()).isSameAs(Bytes.empty());
  }

  @Test
  void toStringIsBounded() {
    assertThat(Bytes.fromHex("0a0b")).hasToString("[0a0b]");
    assertThat(Bytes.of(new byte[32])).hasToString("[" + "00".repeat(32) + "]");
    assertThat(Bytes.of(new byte[10 * 1024 * 1024]))
        .hasToString("[" + "00".repeat(32) + "…(10485760 bytes)]");
  }

  @Test
  void slicesAndConcatenates() {
    Bytes bytes = Bytes.fromHex("0001020304");

    assertThat(bytes.slice(1, 3)).isEqualTo(Bytes.fromHex("0102"));
    assertThat(bytes.slice(5, 5)).isEqualTo(Bytes.empty());
    assertThat(bytes.slice(0, 2).concat(bytes.slice(2, 5))).isEqualTo(bytes);
    assertThat(bytes.getUnsigned(4)).isEqualTo(4);
    assertThatThrownBy(() -> bytes.slice(3, 6))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("slice [3, 6) of 5 bytes");
  }

  @Test
  void bufferViewIsReadOnly() {
    assertThatThrownBy(() -> Bytes.fromHex("00").asByteBuffer().put((byte) 1))
        .isInstanceOf(ReadOnlyBufferException.class);
  }

  @Test
  void badHexIsRefused() {
    assertThatThrownBy(() -> Bytes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bytes.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
  }
}
