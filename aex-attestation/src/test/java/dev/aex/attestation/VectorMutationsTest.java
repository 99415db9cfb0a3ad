package dev.aex.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invalid cases of cases.json ({@code mutations}, README §8) for DCAP quotes, each applied
 * to an in-memory copy and each failing with the check that names it.
 */
class VectorMutationsTest {
  /** How each mutation of cases.json is applied, and the check it must fail. */
  private record Mutation(Check expected, Apply apply) {}

  @FunctionalInterface
  private interface Apply {
    VerifiedQuote run(JsonNode testCase) throws Exception;
  }

  private static final Map<String, Mutation> MUTATIONS = Map.ofEntries(
      Map.entry("byte[2] += 1 (att_key_type 2 -> 3)",
          new Mutation(Check.QUOTE_FORMAT, c -> atByte(c, 2, b -> b + 1))),
      Map.entry("byte[1046] = 1 (certification data type 5 -> 1)",
          new Mutation(Check.QUOTE_FORMAT, c -> atByte(c, 1046, b -> 1))),
      Map.entry("verify at 2023-08-11T19:56:44Z (= tcbInfo nextUpdate)",
          new Mutation(Check.TCB_INFO_EXPIRED, c -> at(c, "2023-08-11T19:56:44Z"))),
      Map.entry("verify at 2023-07-12T19:56:44Z (before QE identity issueDate)",
          new Mutation(Check.QE_IDENTITY_EXPIRED, c -> at(c, "2023-07-12T19:56:44Z"))),
      Map.entry("use sgx/mobilecoin-v3/example_tcb.json as TCB info (Intel API-doc example, fmspc "
          + "50806F000000, signature does not verify)",
          new Mutation(Check.TCB_INFO_SIGNATURE, VectorMutationsTest::exampleTcbInfo)),
      Map.entry("byte[0x000] = 0x03 (version)",
          new Mutation(Check.QUOTE_FORMAT, c -> atByte(c, 0x000, b -> 0x03))),
      Map.entry("byte[0x278] = 0x10 (low byte of signature_data_len)",
          new Mutation(Check.QUOTE_FORMAT, c -> atByte(c, 0x278, b -> 0x10))),
      Map.entry("byte[0x1343] = 0x32 (inside PEM chain)",
          new Mutation(Check.PCK_CHAIN, c -> atByte(c, 0x1343, b -> 0x32))),
      Map.entry("byte[0x1329] = 0x32 (root cert)",
          new Mutation(Check.PCK_CHAIN, c -> atByte(c, 0x1329, b -> 0x32))),
      Map.entry("byte[0xF5F] = 0x32 (intermediate cert)",
          new Mutation(Check.PCK_CHAIN, c -> atByte(c, 0xF5F, b -> 0x32))),
      Map.entry("byte[0xB77] = 0x32 (PCK leaf cert)",
          new Mutation(Check.PCK_CHAIN, c -> atByte(c, 0xB77, b -> 0x32))),
      Map.entry("byte[0x1E] = 0x32 (header user_data)",
          new Mutation(Check.QUOTE_SIGNATURE, c -> atByte(c, 0x1E, b -> 0x32))),
      Map.entry("byte[0x3C] = 0x32 (TD report body)",
          new Mutation(Check.QUOTE_SIGNATURE, c -> atByte(c, 0x3C, b -> 0x32))),
      // The TCB signing certificate of 2023 expired in 2025, before the PCK (2029): the
      // collateral, checked first, fails first.
      Map.entry("verify at 2053-07-01T01:00:00Z",
          new Mutation(Check.TCB_INFO_EXPIRED, c -> at(c, "2053-07-01T01:00:00Z"))),
      Map.entry("pck_crl := root_ca_crl",
          new Mutation(Check.PCK_CRL, VectorMutationsTest::rootCrlAsPckCrl)),
      Map.entry("verify at 2025-07-19T10:00:35Z (= PCK CRL nextUpdate)",
          new Mutation(Check.PCK_CRL, c -> at(c, "2025-07-19T10:00:35Z", strictCrls()))));

  static Stream<Arguments> quoteMutations() {
    return AttestationVectors.mutations().stream()
        .filter(m -> !m.get("case").asText().startsWith("snp-"))
        .map(m -> Arguments.of(m.get("case").asText() + ": " + m.get("mutation").asText(), m));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quoteMutations")
  void mutationFailsWithItsCheck(String name, JsonNode mutation) {
    Mutation how = MUTATIONS.get(mutation.get("mutation").asText());
    assertThat(how).as("no test for mutation '%s' (%s)", name, mutation.get("expect").asText())
        .isNotNull();
    JsonNode testCase = AttestationVectors.quoteCase(mutation.get("case").asText());
    assertThatThrownBy(() -> how.apply.run(testCase))
        .isInstanceOfSatisfying(AttestationException.class,
            e -> assertThat(e.check()).as(e.getMessage()).isEqualTo(how.expected));
  }

  @Test
  void everyMappedMutationIsInTheVectors() {
    assertThat(AttestationVectors.mutations().stream().map(m -> m.get("mutation").asText()))
        .containsAll(MUTATIONS.keySet());
  }

  private static VerifiedQuote atByte(JsonNode testCase, int offset,
      java.util.function.IntUnaryOperator change) throws AttestationException {
    byte[] quote = AttestationVectors.quote(testCase);
    quote[offset] = (byte) change.applyAsInt(quote[offset] & 0xff);
    return AttestationVectors.verify(testCase, quote, AttestationVectors.collateral(testCase),
        lenient(), AttestationVectors.verifyAt(testCase));
  }

  private static VerifiedQuote at(JsonNode testCase, String now) throws AttestationException {
    return at(testCase, now, lenient());
  }

  private static VerifiedQuote at(JsonNode testCase, String now, TcbPolicy policy)
      throws AttestationException {
    return AttestationVectors.verify(testCase, AttestationVectors.quote(testCase),
        AttestationVectors.collateral(testCase), policy, Instant.parse(now));
  }

  private static VerifiedQuote exampleTcbInfo(JsonNode testCase) throws AttestationException {
    JsonNode c = testCase.get("collateral");
    Collateral collateral = AttestationVectors.pcsFiles(c)
        .tcbInfoResponse(AttestationVectors.bytes("sgx/mobilecoin-v3/example_tcb.json"),
            AttestationVectors.bytes("trust-anchors/intel/tcb_signer.pem"))
        .build();
    return AttestationVectors.verify(testCase, AttestationVectors.quote(testCase), collateral,
        lenient(), AttestationVectors.verifyAt(testCase));
  }

  private static VerifiedQuote rootCrlAsPckCrl(JsonNode testCase) throws AttestationException {
    JsonNode bundle = Vectors.json(AttestationVectors.DIR + testCase.get("collateral").get("file").asText());
    Collateral collateral = Collateral.builder()
        .rootCaCrl(Hex.decode(bundle.get("root_ca_crl").asText()))
        .pckCrl(Hex.decode(bundle.get("root_ca_crl").asText()))
        .pckCrlIssuerChain(utf8(bundle, "pck_crl_issuer_chain"))
        .tcbInfo(utf8(bundle, "tcb_info"), bundle.get("tcb_info_signature").asText(),
            utf8(bundle, "tcb_info_issuer_chain"))
        .qeIdentity(utf8(bundle, "qe_identity"), bundle.get("qe_identity_signature").asText(),
            utf8(bundle, "qe_identity_issuer_chain"))
        .build();
    return AttestationVectors.verify(testCase, AttestationVectors.quote(testCase), collateral,
        lenient(), AttestationVectors.verifyAt(testCase));
  }

  private static byte[] utf8(JsonNode node, String field) {
    return node.get(field).asText().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Accepts every status and the mobilecoin case's stale PCK CRL, so that only the mutation can
   * make verification fail (except where the mutation is the CRL's own time).
   */
  private static TcbPolicy lenient() {
    return TcbPolicy.builder().acceptStatuses(TcbStatus.values()).ignoreCrlExpiry().build();
  }

  private static TcbPolicy strictCrls() {
    return TcbPolicy.builder().acceptStatuses(TcbStatus.values()).build();
  }
}
