package dev.aex.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reserved entry ids and I/O id ranges (protocol.md §2.1, §2.2). */
class IdentifiersTest {
  @Test
  void reservedEntriesHaveTheCurrentNumbering() {
    assertThat(ReservedEntry.values()).extracting(ReservedEntry::id).containsExactly(0, 1, 2, 3, 4);
    assertThat(ReservedEntry.FIRST_USER_ENTRY).isEqualTo(5);
    assertThat(ReservedEntry.fromId(4)).contains(ReservedEntry.HANDLE_HANDLER);
    assertThat(ReservedEntry.fromId(5)).isEmpty();
    assertThat(ReservedEntry.fromId(-1)).isEmpty();
    assertThat(ReservedEntry.SET_KEY).hasToString("SET_KEY(0)");
  }

  @Test
  void ioIdsAreClassifiedByRange() {
    assertThat(IoKind.classify(0)).isEqualTo(IoKind.INPUT);
    assertThat(IoKind.classify(16383)).isEqualTo(IoKind.INPUT);
    assertThat(IoKind.classify(16384)).isEqualTo(IoKind.OUTPUT);
    assertThat(IoKind.classify(32767)).isEqualTo(IoKind.OUTPUT);
    assertThat(IoKind.classify(32768)).isEqualTo(IoKind.REQUEST);
    assertThat(IoKind.classify(49151)).isEqualTo(IoKind.REQUEST);
    assertThat(IoKind.classify(49152)).isEqualTo(IoKind.HANDLER);
    assertThat(IoKind.classify(65535)).isEqualTo(IoKind.HANDLER);
    assertThat(IoKind.HANDLER.firstId()).isEqualTo(49152);
  }

  @Test
  void ioIdsOutsideU16AreRefused() {
    assertThatThrownBy(() -> IoKind.classify(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("io_id: 65536 (expected: 0..65535)");
    assertThatThrownBy(() -> IoKind.classify(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encryptionTypesMapToTheirBytes() throws Exception {
    assertThat(Encryption.fromByte((byte) 0)).isEqualTo(Encryption.AES);
    assertThat(Encryption.fromByte((byte) 1)).isEqualTo(Encryption.SPONGENT);
    assertThat(Encryption.SPONGENT).hasToString("SPONGENT(1)");
  }
}
