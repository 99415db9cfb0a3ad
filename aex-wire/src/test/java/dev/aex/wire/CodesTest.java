package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code tables of protocol.md §1.4, §1.5 and the declared replies of §1.7. */
class CodesTest {
  @Test
  void commandCodesHaveTheirWireValues() throws Exception {
    for (CommandCode code : CommandCode.values()) {
      assertThat(CommandCode.fromByte((byte) code.value())).isSameAs(code);
    }
    assertThat(CommandCode.values())
        .extracting(CommandCode::value)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(CommandCode.REMOTE_OUTPUT).hasToString("REMOTE_OUTPUT(2)");
  }

  @Test
  void resultCodesHaveTheirWireValues() throws Exception {
    for (ResultCode code : ResultCode.values()) {
      assertThat(ResultCode.fromByte((byte) code.value())).isSameAs(code);
    }
    assertThat(ResultCode.NOT_ATTESTED_YET.value()).isEqualTo(6);
    assertThat(ResultCode.GENERIC_ERROR).hasToString("GENERIC_ERROR(7)");
  }

  @Test
  void onlyRemoteOutputAndModuleOutputDeclareNoReply() {
    assertThat(CommandCode.values())
        .filteredOn(code -> !code.hasResponse())
        .containsExactly(CommandCode.REMOTE_OUTPUT, CommandCode.MODULE_OUTPUT);
  }
}
