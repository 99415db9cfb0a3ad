package dev.aex.attestation;

import static dev.aex.attestation.TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED;
import static dev.aex.attestation.TcbStatus.CONFIGURATION_NEEDED;
import static dev.aex.attestation.TcbStatus.OUT_OF_DATE;
import static dev.aex.attestation.TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED;
import static dev.aex.attestation.TcbStatus.REVOKED;
import static dev.aex.attestation.TcbStatus.SW_HARDENING_NEEDED;
import static dev.aex.attestation.TcbStatus.UP_TO_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TcbStatusTest {
  @Test
  void combiningKeepsEveryCondition() {
    assertThat(UP_TO_DATE.combine(UP_TO_DATE)).isEqualTo(UP_TO_DATE);
    assertThat(CONFIGURATION_AND_SW_HARDENING_NEEDED.combine(UP_TO_DATE))
        .isEqualTo(CONFIGURATION_AND_SW_HARDENING_NEEDED);
    assertThat(SW_HARDENING_NEEDED.combine(CONFIGURATION_NEEDED))
        .isEqualTo(CONFIGURATION_AND_SW_HARDENING_NEEDED);
    assertThat(OUT_OF_DATE.combine(CONFIGURATION_NEEDED)).isEqualTo(OUT_OF_DATE_CONFIGURATION_NEEDED);
    assertThat(SW_HARDENING_NEEDED.combine(OUT_OF_DATE)).isEqualTo(OUT_OF_DATE);
    assertThat(UP_TO_DATE.combine(REVOKED)).isEqualTo(REVOKED);
  }

  @Test
  void combiningIsSymmetric() {
    for (TcbStatus a : TcbStatus.values()) {
      for (TcbStatus b : TcbStatus.values()) {
        assertThat(a.combine(b)).isEqualTo(b.combine(a));
      }
    }
  }

  @Test
  void jsonNamesRoundTrip() {
    for (TcbStatus status : TcbStatus.values()) {
      assertThat(TcbStatus.fromJson(status.jsonName())).contains(status);
    }
    assertThat(TcbStatus.fromJson("upToDate")).isEmpty();
  }
}
