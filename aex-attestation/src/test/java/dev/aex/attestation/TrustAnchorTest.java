package dev.aex.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustAnchorTest {
  @Test
  void embeddedIntelRootIsTheVectorsRoot() throws Exception {
    assertThat(TrustAnchor.intelSgxRootCa().certificate().getEncoded())
        .isEqualTo(AttestationVectors.bytes("trust-anchors/intel/TrustedRootCA.der"));
    assertThat(TrustAnchor.intelSgxRootCa().isSimulation()).isFalse();
  }

  @Test
  void simulationRootIsMarked() {
    assertThat(TrustAnchor.simulationRootCa().isSimulation()).isTrue();
    assertThat(TrustAnchor.simulationRootCa().toString()).contains("INSECURE");
  }
}
