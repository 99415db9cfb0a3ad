package dev.aex.attestation;

import static dev.aex.attestation.QuoteTamperTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.internal.LeWriter;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SGX quotes v4 and v5, of which no real sample exists (vectors README §"SGX v4/v5"): the real v3
 * quote re-framed in the v4 layout (QE report certification data of type 6) and the v5 layout
 * (body type 1). Every field parses as in v3, and verification passes the PCK chain, QE report
 * signature and key binding, failing only at the quote signature, whose header bytes changed.
 */
class SgxLayoutsTest {
  private static final int HEADER = 48;
  private static final int BODY_END = 432;

  @ParameterizedTest(name = "v{0}")
  @ValueSource(ints = {4, 5})
  void reframedV3QuoteParsesAndFailsOnlyItsSignature(int version) throws AttestationException {
    JsonNode testCase = AttestationVectors.quoteCase("sgx-v3-dcap-qvl");
    byte[] v3 = AttestationVectors.quote(testCase);
    byte[] reframed = reframe(v3, version);
    DcapQuote original = DcapQuote.parse(v3);
    DcapQuote parsed = DcapQuote.parse(reframed);
    assertThat(parsed.version()).isEqualTo(version);
    assertThat(parsed.teeType()).isEqualTo(TeeType.SGX);
    assertThat(parsed.body()).isEqualTo(original.body());
    assertThat(parsed.qeReport()).isEqualTo(original.qeReport());
    assertThat(parsed.attestationKey()).isEqualTo(original.attestationKey());
    assertThat(parsed.pckCertificateChainPem()).isEqualTo(original.pckCertificateChainPem());
    assertFails(() -> QuoteVerifier.verify(reframed, AttestationVectors.collateral(testCase),
        AttestationVectors.sgxPolicyFor(testCase, AttestationVectors.tcbPolicyFor(testCase)),
        Instant.parse("2025-07-01T00:00:00Z")), Check.QUOTE_SIGNATURE);
  }

  private static byte[] reframe(byte[] v3, int version) {
    byte[] header = Arrays.copyOf(v3, HEADER);
    header[0] = (byte) version;
    LeWriter out = new LeWriter().bytes(header);
    if (version == 5) {
      out.u16(1).u32(SgxReportBody.SIZE);
    }
    out.bytes(Arrays.copyOfRange(v3, HEADER, BODY_END));
    byte[] signatureAndKey = Arrays.copyOfRange(v3, BODY_END + 4, BODY_END + 4 + 128);
    byte[] qeCertificationData = Arrays.copyOfRange(v3, BODY_END + 4 + 128, v3.length);
    return out.u32(128 + 6 + qeCertificationData.length).bytes(signatureAndKey)
        .u16(6).u32(qeCertificationData.length).bytes(qeCertificationData).toByteArray();
  }
}
