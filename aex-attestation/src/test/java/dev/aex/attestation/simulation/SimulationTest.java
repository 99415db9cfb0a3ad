package dev.aex.attestation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import dev.aex.attestation.Collateral;
import dev.aex.attestation.DcapQuote;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.QuoteVerifier;
import dev.aex.attestation.SgxPolicy;
import dev.aex.attestation.SgxReportBody;
import dev.aex.attestation.TcbPolicy;
import dev.aex.attestation.TcbStatus;
import dev.aex.attestation.VerifiedCollateral;
import dev.aex.attestation.VerifiedQuote;
import dev.aex.testkit.Vectors;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Simulated evidence verifies only when the policy allows simulation, and is checked like real. */
class SimulationTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final HexBytes MRENCLAVE = HexBytes.fromHex("11".repeat(32));
  private static final HexBytes MRSIGNER = HexBytes.fromHex("22".repeat(32));
  private static final HexBytes REPORT_DATA = HexBytes.fromHex("33".repeat(64));
  private static final TcbPolicy SIMULATION = TcbPolicy.builder().allowSimulation().build();

  private static byte[] quote(boolean debug) {
    SgxReportBody body = SimulatedQuoter.body(MRENCLAVE, MRSIGNER, 7, 3, debug, REPORT_DATA);
    return SimulatedQuoter.fixed().quote(body);
  }

  private static SgxPolicy policy(TcbPolicy tcb) {
    return SgxPolicy.builder().mrEnclave(MRENCLAVE).mrSigner(MRSIGNER, 7, 3).tcb(tcb).build();
  }

  @Test
  void simulatedQuoteVerifiesWhenSimulationIsAllowed() throws AttestationException {
    VerifiedQuote verified = QuoteVerifier.verify(quote(false), SimulationCollateral.fixed(NOW),
        policy(SIMULATION), NOW);
    assertThat(verified.isSimulation()).isTrue();
    assertThat(verified.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(verified.advisoryIds()).isEmpty();
    assertThat(verified.reportData()).isEqualTo(REPORT_DATA);
    assertThat(verified.sgxBody().isvProdId()).isEqualTo(7);
    assertThat(verified.fmspc()).isEqualTo(SimulationPlatform.FMSPC);
  }

  @Test
  void simulationIsRefusedByDefault() {
    assertFails(() -> QuoteVerifier.verify(quote(false), SimulationCollateral.fixed(NOW),
        policy(TcbPolicy.strict()), NOW), Check.SIMULATION_ROOT);
  }

  @Test
  void cachedSimulationCollateralIsRefusedByAStrictPolicy() throws AttestationException {
    VerifiedCollateral cached = SimulationCollateral.fixed(NOW).verify(SIMULATION, NOW);
    assertThat(cached.isSimulation()).isTrue();
    assertFails(() -> QuoteVerifier.verify(quote(false), cached, policy(TcbPolicy.strict()), NOW),
        Check.SIMULATION_ROOT);
  }

  /** Intel's collateral with a simulated quote: the PCK chains to another root. */
  @Test
  void simulatedQuoteIsRefusedWithGenuineCollateral() throws Exception {
    Collateral intel = Collateral.fromDcapQvlJson(Files.readAllBytes(
        Vectors.file("attestation/sgx/dcap-qvl-v3/sgx_quote_collateral.json")));
    Instant then = Instant.parse("2025-07-01T00:00:00Z");
    assertFails(() -> QuoteVerifier.verify(quote(false), intel, policy(TcbPolicy.strict()), then),
        Check.SIMULATION_ROOT);
    assertFails(() -> QuoteVerifier.verify(quote(false), intel, policy(SIMULATION), then),
        Check.PCK_CHAIN);
  }

  @Test
  void debugEnclavesNeedTheirOwnPermission() throws AttestationException {
    assertFails(() -> QuoteVerifier.verify(quote(true), SimulationCollateral.fixed(NOW),
        policy(SIMULATION), NOW), Check.DEBUG);
    SgxPolicy debug = SgxPolicy.builder().mrEnclave(MRENCLAVE).allowDebug().tcb(SIMULATION).build();
    assertThat(QuoteVerifier.verify(quote(true), SimulationCollateral.fixed(NOW), debug, NOW)
        .sgxBody().debug()).isTrue();
  }

  @Test
  void aRevokedPckIsRejected() {
    assertFails(() -> QuoteVerifier.verify(quote(false), SimulationCollateral.revokingPck(NOW),
        policy(SIMULATION), NOW), Check.PCK_CRL);
  }

  @Test
  void simulationCollateralExpires() {
    Collateral collateral = SimulationCollateral.fixed(NOW);
    Instant later = NOW.plus(SimulationCollateral.VALIDITY).plusSeconds(1);
    assertThatThrownBy(() -> collateral.verify(SIMULATION, later))
        .isInstanceOfSatisfying(AttestationException.class,
            e -> assertThat(e.check()).isEqualTo(Check.TCB_INFO_EXPIRED));
  }

  @Test
  void quotesHaveTheRealLayoutAndTheFixedKey() throws AttestationException {
    DcapQuote first = DcapQuote.parse(quote(false));
    DcapQuote second = DcapQuote.parse(quote(false));
    assertThat(first.version()).isEqualTo(3);
    assertThat(first.qeSvn()).isEqualTo(SimulationPlatform.QE_SVN);
    assertThat(first.attestationKey()).isEqualTo(second.attestationKey())
        .isEqualTo(SimulationKeys.attestationPublicKey());
    assertThat(first.qeReport().mrSigner()).isEqualTo(SimulationPlatform.QE_MRSIGNER);
  }

  @Test
  void noPrivateKeyShowsInToString() {
    String shown = SimulatedQuoter.fixed().toString();
    for (String name : new String[] {SimulationKeys.ATTESTATION, SimulationKeys.PCK}) {
      String key = HexFormat.of().formatHex(SimulationKeys.privateKey(name).getEncoded());
      assertThat(shown).doesNotContain(key.substring(key.length() - 32));
    }
  }

  private interface Verification {
    Object run() throws Exception;
  }

  private static void assertFails(Verification verification, Check expected) {
    assertThatThrownBy(verification::run).isInstanceOfSatisfying(AttestationException.class,
        e -> assertThat(e.check()).as(e.getMessage()).isEqualTo(expected));
  }
}
