package dev.aex.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SymmetricKeyTest {
  @Test
  void toStringNeverShowsTheKey() {
    SymmetricKey key = SymmetricKey.random16();
    String hex = HexFormat.of().formatHex(key.revealBytes());
    assertThat(key.toString()).doesNotContainIgnoringCase(hex).contains("redacted");
    assertThat(key.toString()).doesNotContainIgnoringCase(hex.substring(0, 8));
  }

  @Test
  void copiesInAndOut() {
    byte[] bytes = new byte[16];
    SymmetricKey key = SymmetricKey.copyOf(bytes);
    bytes[0] = 1;
    assertThat(key.revealBytes()[0]).isZero();
    key.revealBytes()[1] = 1;
    assertThat(key.revealBytes()[1]).isZero();
  }

  @Test
  void equalityIsByContent() {
    byte[] bytes = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    assertThat(SymmetricKey.copyOf(bytes)).isEqualTo(SymmetricKey.copyOf(bytes.clone()));
    assertThat(SymmetricKey.random16()).isNotEqualTo(SymmetricKey.random16());
  }

  @Test
  void rejectsOddLengths() {
    assertThatThrownBy(() -> SymmetricKey.copyOf(new byte[15]))
        .hasMessage("key length: 15 bytes (expected: 8, 16 or 32)");
  }
}
