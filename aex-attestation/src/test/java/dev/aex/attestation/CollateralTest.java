package dev.aex.attestation;

import static dev.aex.attestation.QuoteTamperTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.internal.SignedJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading collateral, cutting the signed bytes exactly, and reusing verified collateral. */
class CollateralTest {

  /** Each PCS response file with the signed byte range cases.json states for it. */
  static Stream<Arguments> signedRanges() {
    return AttestationVectors.quoteCases().stream()
        .flatMap(c -> Stream.of(
            range(c.get("collateral"), "tcb_info", "tcbInfo"),
            range(c.get("collateral"), "qe_identity", "enclaveIdentity")))
        .filter(a -> a != null);
  }

  private static Arguments range(JsonNode collateral, String part, String field) {
    JsonNode range = collateral.get(part + "_signed_byte_range");
    return range == null ? null
        : Arguments.of(collateral.get(part).asText(), field, range.get(0).asInt(), range.get(1).asInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedRanges")
  void signedBytesAreTheExactRangeOfTheFile(String file, String field, int from, int to)
      throws AttestationException {
    byte[] response = AttestationVectors.bytes(file);
    SignedJson signed = SignedJson.fromPcsResponse(response, field, List.of());
    assertThat(signed.body().toByteArray()).isEqualTo(Arrays.copyOfRange(response, from, to));
  }

  @Test
  void verifiedCollateralIsReusedWithinItsWindowOnly() throws AttestationException {
    JsonNode testCase = AttestationVectors.quoteCase("sgx-v3-dcap-qvl");
    TcbPolicy tcb = AttestationVectors.tcbPolicyFor(testCase);
    SgxPolicy policy = AttestationVectors.sgxPolicyFor(testCase, tcb);
    byte[] quote = AttestationVectors.quote(testCase);
    VerifiedCollateral cached = AttestationVectors.collateral(testCase)
        .verify(tcb, Instant.parse("2025-07-01T00:00:00Z"));
    assertThat(cached.validFrom()).isEqualTo(testCase.get("collateral_window").get(0).asText());
    assertThat(cached.validUntil()).isEqualTo(testCase.get("collateral_window").get(1).asText());
    for (String now : List.of("2025-06-19T10:56:11Z", "2025-07-10T00:00:00Z", "2025-07-19T10:01:17Z")) {
      assertThat(QuoteVerifier.verify(quote, cached, policy, Instant.parse(now)).fmspc().hex())
          .isEqualTo("00a067110000");
    }
    assertFails(() -> QuoteVerifier.verify(quote, cached, policy,
        Instant.parse("2025-07-19T10:01:18Z")), Check.QE_IDENTITY_EXPIRED);
    assertFails(() -> QuoteVerifier.verify(quote, cached, policy,
        Instant.parse("2025-06-19T10:56:10Z")), Check.TCB_INFO_EXPIRED);
  }

  /** Each quote's policy decides on CRL expiry, not the one the collateral was verified under. */
  @Test
  void aStrictQuotePolicyRechecksCrlsOfLenientlyVerifiedCollateral() throws AttestationException {
    JsonNode testCase = AttestationVectors.quoteCase("sgx-v3-mobilecoin");
    TcbPolicy lenient = TcbPolicy.builder().acceptStatuses(TcbStatus.SW_HARDENING_NEEDED)
        .acceptAdvisories("INTEL-SA-00334", "INTEL-SA-00615").ignoreCrlExpiry().build();
    TcbPolicy strict = TcbPolicy.builder().acceptStatuses(TcbStatus.SW_HARDENING_NEEDED)
        .acceptAdvisories("INTEL-SA-00334", "INTEL-SA-00615").build();
    Instant now = AttestationVectors.verifyAt(testCase);
    VerifiedCollateral cached = AttestationVectors.collateral(testCase).verify(lenient, now);
    byte[] quote = AttestationVectors.quote(testCase);
    assertThat(QuoteVerifier.verify(quote, cached, AttestationVectors.sgxPolicyFor(testCase, lenient),
        now).tcbStatus()).isEqualTo(TcbStatus.SW_HARDENING_NEEDED);
    assertFails(() -> QuoteVerifier.verify(quote, cached,
        AttestationVectors.sgxPolicyFor(testCase, strict), now), Check.PCK_CRL);
  }

  @Test
  void aBundleThatIsNotJsonIsAFormatError() {
    byte[] bundle = AttestationVectors.bytes("sgx/dcap-qvl-v3/sgx_quote_collateral.json");
    for (int length : new int[] {0, 1, 100, bundle.length / 2, bundle.length - 1}) {
      assertFails(() -> {
        Collateral.fromDcapQvlJson(Arrays.copyOf(bundle, length));
        return null;
      }, Check.COLLATERAL_FORMAT);
    }
  }

  /** Every 7th byte of the bundle inverted: success (bytes that do not matter) or a typed rejection. */
  @Test
  void noBundleChangeCrashesTheVerifier() {
    JsonNode testCase = AttestationVectors.quoteCase("sgx-v3-dcap-qvl");
    byte[] quote = AttestationVectors.quote(testCase);
    SgxPolicy policy = AttestationVectors.sgxPolicyFor(testCase, AttestationVectors.tcbPolicyFor(testCase));
    byte[] bundle = AttestationVectors.bytes("sgx/dcap-qvl-v3/sgx_quote_collateral.json");
    int rejected = 0;
    for (int i = 0; i < bundle.length; i += 7) {
      byte[] copy = bundle.clone();
      copy[i] ^= (byte) 0xff;
      try {
        QuoteVerifier.verify(quote, Collateral.fromDcapQvlJson(copy), policy,
            Instant.parse("2025-07-01T00:00:00Z"));
      } catch (AttestationException expected) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(bundle.length / 7 * 9 / 10);
  }

  @Test
  void aMissingPartIsNamed() {
    assertThatThrownBy(() -> Collateral.builder().build())
        .isInstanceOfSatisfying(AttestationException.class, e -> {
          assertThat(e.check()).isEqualTo(Check.COLLATERAL_FORMAT);
          assertThat(e.getMessage()).contains("rootCaCrl").contains("Collateral.builder()");
        });
  }

  @Test
  void aPcsResponseWithoutSignatureIsAFormatError() {
    byte[] response = "{\"tcbInfo\":{\"id\":\"SGX\"}}".getBytes(StandardCharsets.UTF_8);
    assertFails(() -> {
      SignedJson.fromPcsResponse(response, "tcbInfo", List.of());
      return null;
    }, Check.COLLATERAL_FORMAT);
  }
}
