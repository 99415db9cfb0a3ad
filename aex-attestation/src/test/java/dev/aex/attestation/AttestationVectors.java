package dev.aex.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/** The real quotes and collateral of {@code ../shared/vectors/attestation} (cases.json). */
final class AttestationVectors {
  static final String DIR = "attestation/";

  private AttestationVectors() {}

  static List<JsonNode> quoteCases() {
    return Vectors.list(DIR + "cases.json", "quote_cases");
  }

  static List<JsonNode> mutations() {
    return Vectors.list(DIR + "cases.json", "mutations");
  }

  static JsonNode quoteCase(String id) {
    return quoteCases().stream().filter(c -> c.get("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no case " + id));
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(Vectors.file(DIR + relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] quote(JsonNode testCase) {
    return bytes(testCase.get("quote").asText());
  }

  static Instant verifyAt(JsonNode testCase) {
    return Instant.parse(testCase.get("verify_at").asText());
  }

  /** The case's collateral, in whichever of the three formats cases.json gives it. */
  static Collateral collateral(JsonNode testCase) throws AttestationException {
    JsonNode c = testCase.get("collateral");
    return switch (c.get("format").asText()) {
      case "dcap-qvl-json" -> Collateral.fromDcapQvlJson(bytes(c.get("file").asText()));
      case "pcs-files" -> pcsFiles(c).build();
      case "mixed" -> mixed(c);
      default -> throw new AssertionError("unknown collateral format in " + c);
    };
  }

  static Collateral.Builder pcsFiles(JsonNode c) {
    Collateral.Builder builder = Collateral.builder()
        .tcbInfoResponse(bytes(c.get("tcb_info").asText()), concat(c.get("tcb_info_issuer_chain")))
        .qeIdentityResponse(bytes(c.get("qe_identity").asText()),
            concat(c.get("qe_identity_issuer_chain")))
        .pckCrl(bytes(c.get("pck_crl").asText()))
        .rootCaCrl(bytes(c.get("root_ca_crl").asText()));
    // go-tdx-guest names no file for the PCK CRL issuer: the quote's own PCK CA is used.
    if (c.get("pck_crl_issuer_chain").isArray()) {
      builder.pckCrlIssuerChain(concat(c.get("pck_crl_issuer_chain")));
    }
    return builder;
  }

  /** tdx-v5-go-tdx-guest: its TCB info, the rest from the dcap-qvl v5 bundle (see README §6.4). */
  private static Collateral mixed(JsonNode c) throws AttestationException {
    JsonNode bundle = Vectors.json(DIR + "tdx/dcap-qvl-v5-outdated/tdx_quote_outdated_collateral.json");
    return Collateral.builder()
        .tcbInfoResponse(bytes(c.get("tcb_info").asText()), utf8(bundle, "tcb_info_issuer_chain"))
        .qeIdentity(utf8(bundle, "qe_identity"), bundle.get("qe_identity_signature").asText(),
            utf8(bundle, "qe_identity_issuer_chain"))
        .pckCrl(Hex.decode(bundle.get("pck_crl").asText()))
        .pckCrlIssuerChain(utf8(bundle, "pck_crl_issuer_chain"))
        .rootCaCrl(Hex.decode(bundle.get("root_ca_crl").asText()))
        .build();
  }

  private static byte[] utf8(JsonNode node, String field) {
    return node.get(field).asText().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(JsonNode files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.forEach(f -> out.writeBytes(bytes(f.asText())));
    return out.toByteArray();
  }

  /** A policy for the case that expects its own measurement and accepts its expected TCB. */
  static TcbPolicy tcbPolicyFor(JsonNode testCase) {
    TcbPolicy.Builder tcb = TcbPolicy.builder();
    JsonNode expect = testCase.get("expect");
    if (expect.has("tcb_status")) {
      tcb.acceptStatuses(TcbStatus.fromJson(expect.get("tcb_status").asText()).orElseThrow());
    }
    expect.path("advisory_ids").forEach(id -> tcb.acceptAdvisories(id.asText()));
    return tcb.build();
  }

  static SgxPolicy sgxPolicyFor(JsonNode testCase, TcbPolicy tcb) {
    return SgxPolicy.builder()
        .mrEnclave(HexBytes.fromHex(testCase.get("fields").get("mr_enclave").asText()))
        .tcb(tcb).build();
  }

  static TdxPolicy tdxPolicyFor(JsonNode testCase, TcbPolicy tcb) {
    return TdxPolicy.of(HexBytes.fromHex(testCase.get("fields").get("mr_td").asText()), tcb);
  }

  /** Verifies the case's quote with the matching policy kind. */
  static VerifiedQuote verify(JsonNode testCase, byte[] quote, Collateral collateral, TcbPolicy tcb,
      Instant now) throws AttestationException {
    return testCase.get("tee").asText().equals("sgx")
        ? QuoteVerifier.verify(quote, collateral, sgxPolicyFor(testCase, tcb), now)
        : QuoteVerifier.verifyTdx(quote, collateral, tdxPolicyFor(testCase, tcb), now);
  }
}
