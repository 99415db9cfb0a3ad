package dev.aex.attestation;

import static dev.aex.attestation.QuoteTamperTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy decides on the real dcap-qvl SGX quote (MRENCLAVE 33d8…, MRSIGNER 815f…, product 0,
 * SVN 0, ConfigurationAndSWHardeningNeeded with INTEL-SA-00289 and INTEL-SA-00615).
 */
class PolicyTest {
  private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
  private static final HexBytes MRSIGNER =
      HexBytes.fromHex("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");

  private byte[] quote;
  private VerifiedCollateral collateral;
  private TcbPolicy accepting;
  private HexBytes mrEnclave;

  @BeforeEach
  void setUp() throws AttestationException {
    JsonNode testCase = AttestationVectors.quoteCase("sgx-v3-dcap-qvl");
    quote = AttestationVectors.quote(testCase);
    accepting = AttestationVectors.tcbPolicyFor(testCase);
    collateral = AttestationVectors.collateral(testCase).verify(accepting, NOW);
    mrEnclave = HexBytes.fromHex(testCase.get("fields").get("mr_enclave").asText());
  }

  @Test
  void expectedMrEnclaveIsAccepted() throws AttestationException {
    VerifiedQuote verified = verify(SgxPolicy.builder().mrEnclave(mrEnclave).tcb(accepting));
    assertThat(verified.sgxBody().mrEnclave()).isEqualTo(mrEnclave);
  }

  @Test
  void otherMrEnclaveIsRejected() {
    HexBytes other = flip(mrEnclave);
    assertFails(() -> verify(SgxPolicy.builder().mrEnclave(other).tcb(accepting)), Check.MRENCLAVE);
  }

  @Test
  void signerProductAndSvnAreChecked() throws AttestationException {
    assertThat(verify(SgxPolicy.builder().mrSigner(MRSIGNER, 0, 0).tcb(accepting))).isNotNull();
    assertFails(() -> verify(SgxPolicy.builder().mrSigner(flip(MRSIGNER), 0, 0).tcb(accepting)),
        Check.MRSIGNER);
    assertFails(() -> verify(SgxPolicy.builder().mrSigner(MRSIGNER, 1, 0).tcb(accepting)),
        Check.PRODUCT_ID);
    assertFails(() -> verify(SgxPolicy.builder().mrSigner(MRSIGNER, 0, 1).tcb(accepting)),
        Check.SVN);
  }

  @Test
  void aStrictPolicyRejectsTheStatus() {
    assertFails(() -> verify(SgxPolicy.builder().mrEnclave(mrEnclave)), Check.TCB_STATUS);
  }

  @Test
  void everyAdvisoryMustBeAccepted() {
    TcbPolicy oneAdvisory = TcbPolicy.builder()
        .acceptStatuses(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED)
        .acceptAdvisories("INTEL-SA-00615").build();
    assertFails(() -> verify(SgxPolicy.builder().mrEnclave(mrEnclave).tcb(oneAdvisory)),
        Check.ADVISORY);
  }

  @Test
  void aPolicyNeedsAnExpectedIdentity() {
    assertThatThrownBy(() -> SgxPolicy.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mrEnclave");
    assertThatThrownBy(() -> SgxPolicy.builder().mrEnclave(HexBytes.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: 32");
    assertThatThrownBy(() -> SgxPolicy.builder().mrSigner(MRSIGNER, 65536, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isvProdId");
  }

  @Test
  void tdxPolicyChecksMrTd() throws AttestationException {
    JsonNode tdx = AttestationVectors.quoteCase("tdx-v4-dcap-qvl");
    HexBytes mrTd = HexBytes.fromHex(tdx.get("fields").get("mr_td").asText());
    byte[] tdxQuote = AttestationVectors.quote(tdx);
    Collateral tdxCollateral = AttestationVectors.collateral(tdx);
    assertThat(QuoteVerifier.verifyTdx(tdxQuote, tdxCollateral, TdxPolicy.of(mrTd,
        TcbPolicy.strict()), NOW).tdxBody().mrTd()).isEqualTo(mrTd);
    assertFails(() -> QuoteVerifier.verifyTdx(tdxQuote, tdxCollateral,
        TdxPolicy.of(flip(mrTd), TcbPolicy.strict()), NOW), Check.MRENCLAVE);
    assertFails(() -> QuoteVerifier.verifyTdx(quote, collateral,
        TdxPolicy.of(mrTd, TcbPolicy.strict()), NOW), Check.TEE_TYPE);
  }

  private VerifiedQuote verify(SgxPolicy.Builder policy) throws AttestationException {
    return QuoteVerifier.verify(quote, collateral, policy.build(), NOW);
  }

  static HexBytes flip(HexBytes value) {
    byte[] copy = value.toByteArray();
    copy[copy.length - 1] ^= 0x01;
    return HexBytes.of(copy);
  }
}
