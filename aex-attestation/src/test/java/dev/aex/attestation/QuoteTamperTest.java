package dev.aex.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every field of the dcap-qvl SGX v3 quote and collateral that verification depends on, flipped
 * in a copy: each must fail with the check that guards it. The unchanged copy verifies.
 */
class QuoteTamperTest {
  private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode testCase;
  private byte[] quote;
  private SgxPolicy policy;

  @BeforeEach
  void setUp() {
    testCase = AttestationVectors.quoteCase("sgx-v3-dcap-qvl");
    quote = AttestationVectors.quote(testCase);
    policy = AttestationVectors.sgxPolicyFor(testCase, AttestationVectors.tcbPolicyFor(testCase));
  }

  @Test
  void theUnchangedQuoteVerifies() throws AttestationException {
    assertThat(QuoteVerifier.verify(quote, bundle(), policy, NOW).tcbStatus())
        .isEqualTo(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED);
  }

  @ParameterizedTest(name = "{0} (byte {1})")
  @CsvSource({
      "header version, 0, QUOTE_FORMAT",
      "header QE SVN, 8, QUOTE_SIGNATURE",
      "header user data, 30, QUOTE_SIGNATURE",
      "body CPU SVN, 48, QUOTE_SIGNATURE",
      "body attributes, 96, QUOTE_SIGNATURE",
      "body MRENCLAVE, 112, QUOTE_SIGNATURE",
      "body MRSIGNER, 176, QUOTE_SIGNATURE",
      "body ISV product id, 304, QUOTE_SIGNATURE",
      "body ISV SVN, 306, QUOTE_SIGNATURE",
      "body report data, 368, QUOTE_SIGNATURE",
      "body report data end, 431, QUOTE_SIGNATURE",
      "quote signature r, 436, QUOTE_SIGNATURE",
      "quote signature s, 499, QUOTE_SIGNATURE",
      "attestation key, 500, ATTESTATION_KEY_BINDING",
      "attestation key end, 563, ATTESTATION_KEY_BINDING",
      "QE report CPU SVN, 564, QE_REPORT_SIGNATURE",
      "QE report MRSIGNER, 692, QE_REPORT_SIGNATURE",
      "QE report data, 884, QE_REPORT_SIGNATURE",
      "QE report signature, 948, QE_REPORT_SIGNATURE",
      "QE auth data length, 1012, QUOTE_FORMAT",
      "QE auth data, 1014, ATTESTATION_KEY_BINDING",
      "cert data type, 1046, QUOTE_FORMAT",
      "cert data size, 1048, QUOTE_FORMAT",
      "PCK leaf certificate, 1400, PCK_CHAIN",
      "PCK CA certificate, 2600, PCK_CHAIN",
      "root certificate, 4000, PCK_CHAIN"})
  void flippedQuoteFieldFailsItsCheck(String field, int offset, Check expected) {
    byte[] copy = quote.clone();
    copy[offset] ^= 0x01;
    assertFails(() -> QuoteVerifier.verify(copy, bundle(), policy, NOW), expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "tcb_info, TCB_INFO_SIGNATURE",
      "tcb_info_signature, TCB_INFO_SIGNATURE",
      "qe_identity, QE_IDENTITY_SIGNATURE",
      "qe_identity_signature, QE_IDENTITY_SIGNATURE",
      "root_ca_crl, ROOT_CRL",
      "pck_crl, PCK_CRL"})
  void flippedCollateralFieldFailsItsCheck(String field, Check expected) {
    assertFails(() -> QuoteVerifier.verify(quote, bundleWith(field), policy, NOW), expected);
  }

  @Test
  void collateralOutsideItsWindowIsRejected() {
    assertFails(() -> QuoteVerifier.verify(quote, bundle(), policy,
        Instant.parse("2025-06-19T10:56:10Z")), Check.TCB_INFO_EXPIRED);
    assertFails(() -> QuoteVerifier.verify(quote, bundle(), policy,
        Instant.parse("2025-07-19T10:01:18Z")), Check.QE_IDENTITY_EXPIRED);
  }

  /** The TDX bundle's PCK CRL is the Platform CA's; this quote's PCK comes from the Processor CA. */
  @Test
  void collateralOfAnotherPlatformIsRejected() throws Exception {
    Collateral tdx = AttestationVectors.collateral(AttestationVectors.quoteCase("tdx-v4-dcap-qvl"));
    assertFails(() -> QuoteVerifier.verify(quote, tdx, policy, NOW), Check.PCK_CRL);
  }

  /** The SGX bundle with the TDX bundle's QE identity (TD_QE): Intel's, but not this quote's QE. */
  @Test
  void qeIdentityOfAnotherQuotingEnclaveIsRejected() {
    assertFails(() -> QuoteVerifier.verify(quote, withTdxPart("qe_identity"), policy, NOW),
        Check.QE_IDENTITY_MISMATCH);
  }

  /** The SGX bundle with {@code part} (its text, signature and issuer chain) from the TDX bundle. */
  private Collateral withTdxPart(String part) throws AttestationException {
    JsonNode tdx = json("tdx/dcap-qvl-v4/tdx_quote_collateral.json");
    ObjectNode mixed = (ObjectNode) bundleJson().deepCopy();
    for (String field : new String[] {part, part + "_signature", part + "_issuer_chain"}) {
      mixed.put(field, tdx.get(field).asText());
    }
    return Collateral.fromDcapQvlJson(bytes(mixed));
  }

  @Test
  void tcbInfoOfAnotherPlatformIsRejected() {
    assertFails(() -> QuoteVerifier.verify(quote, withTdxPart("tcb_info"), policy, NOW),
        Check.FMSPC_MISMATCH);
  }

  @Test
  void aTdxQuoteIsNotAnSgxQuote() {
    JsonNode tdx = AttestationVectors.quoteCase("tdx-v4-dcap-qvl");
    assertFails(() -> QuoteVerifier.verify(AttestationVectors.quote(tdx),
        AttestationVectors.collateral(tdx), policy, NOW), Check.TEE_TYPE);
  }

  /**
   * Every byte inverted in turn, through the whole verifier: an {@link AttestationException} or,
   * where the byte does not matter (PEM line breaks the decoder skips), success; never anything
   * else. Signed bytes must never verify when changed.
   */
  @Test
  void noByteChangeCrashesTheVerifier() throws AttestationException {
    VerifiedCollateral cached = bundle().verify(policy.tcb(), NOW);
    for (int i = 0; i < quote.length; i++) {
      byte[] copy = quote.clone();
      copy[i] ^= (byte) 0xff;
      try {
        QuoteVerifier.verify(copy, cached, policy, NOW);
        assertThat(i).as("byte %d changed and still verified", i).isGreaterThanOrEqualTo(1052);
      } catch (AttestationException expected) {
        // the outcome wanted for every signed or structural byte
      }
    }
  }

  interface Verification {
    VerifiedQuote run() throws Exception;
  }

  static void assertFails(Verification verification, Check expected) {
    assertThatThrownBy(verification::run).isInstanceOfSatisfying(AttestationException.class,
        e -> assertThat(e.check()).as(e.getMessage()).isEqualTo(expected));
  }

  private Collateral bundle() throws AttestationException {
    return AttestationVectors.collateral(testCase);
  }

  /** The bundle with one character of {@code field} changed (a hex digit, or a JSON digit). */
  private Collateral bundleWith(String field) throws AttestationException {
    ObjectNode copy = (ObjectNode) bundleJson().deepCopy();
    String value = copy.get(field).asText();
    int at = field.endsWith("crl") ? value.length() - 10 : value.indexOf("1");
    char flipped = value.charAt(at) == '1' ? '2' : '1';
    copy.put(field, value.substring(0, at) + flipped + value.substring(at + 1));
    return Collateral.fromDcapQvlJson(bytes(copy));
  }

  private JsonNode bundleJson() {
    return json(testCase.get("collateral").get("file").asText());
  }

  private static JsonNode json(String relative) {
    return dev.aex.testkit.Vectors.json(AttestationVectors.DIR + relative);
  }

  private static byte[] bytes(JsonNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
