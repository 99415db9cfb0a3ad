package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** A SIGSTRUCT laid out by hand from the Intel SDM, parsed; what is not one, refused. */
class SigstructTest {
  @Test
  void readsMrEnclaveMrSignerAndTheIsvFields() throws Exception {
    Sigstruct parsed = Sigstruct.parse(SampleSigstruct.bytes());

    assertThat(parsed.mrEnclave().toByteArray()).isEqualTo(SampleSigstruct.enclaveHash());
    assertThat(parsed.mrSigner().toByteArray()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(SampleSigstruct.modulus()));
    assertThat(parsed.isvProdId()).isEqualTo(0x1234);
    assertThat(parsed.isvSvn()).isEqualTo(2);
    assertThat(parsed.debug()).isTrue();
    assertThat(parsed.toString()).contains("01abab");
  }

  @Test
  void refusesWhatIsNotASigstruct() {
    assertThatThrownBy(() -> Sigstruct.parse(new byte[1807]))
        .isInstanceOf(ModuleBuildException.class)
        .hasMessage("SIGSTRUCT: 1807 bytes (expected: 1808)");
    assertThatThrownBy(() -> Sigstruct.parse(new byte[1808]))
        .hasMessageStartingWith("SIGSTRUCT: header 00000000");
  }
}
