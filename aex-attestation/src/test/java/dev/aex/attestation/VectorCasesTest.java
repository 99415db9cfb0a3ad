package dev.aex.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every quote case of cases.json, with its expected outcome at the time it states. */
class VectorCasesTest {

  static Stream<Arguments> cases() {
    return AttestationVectors.quoteCases().stream()
        .map(c -> Arguments.of(c.get("id").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseHasItsExpectedOutcome(String id, JsonNode testCase) throws Exception {
    String result = testCase.get("expect").get("result").asText();
    switch (result) {
      case "valid" -> assertValid(testCase, TcbPolicy.builder(), verifyTimes(testCase));
      case "reject" -> assertRejected(testCase);
      case "valid-if-pck-crl-freshness-not-enforced" -> {
        assertThatThrownBy(() -> AttestationVectors.verify(testCase,
                AttestationVectors.quote(testCase), AttestationVectors.collateral(testCase),
                AttestationVectors.tcbPolicyFor(testCase), AttestationVectors.verifyAt(testCase)))
            .isInstanceOfSatisfying(AttestationException.class,
                e -> assertThat(e.check()).as(e.getMessage()).isEqualTo(Check.PCK_CRL));
        assertValid(testCase, TcbPolicy.builder().ignoreCrlExpiry(),
            List.of(AttestationVectors.verifyAt(testCase)));
      }
      default -> throw new AssertionError("unknown expected result " + result);
    }
  }

  private static List<Instant> verifyTimes(JsonNode testCase) {
    List<Instant> times = new ArrayList<>(List.of(AttestationVectors.verifyAt(testCase)));
    if (testCase.has("also_valid_at")) {
      times.add(Instant.parse(testCase.get("also_valid_at").asText()));
    }
    return times;
  }

  private static void assertValid(JsonNode testCase, TcbPolicy.Builder base, List<Instant> times)
      throws AttestationException {
    JsonNode expect = testCase.get("expect");
    TcbPolicy accepting = withExpected(base, expect);
    for (Instant now : times) {
      VerifiedQuote verified = AttestationVectors.verify(testCase, AttestationVectors.quote(testCase),
          AttestationVectors.collateral(testCase), accepting, now);
      assertThat(verified.tcbStatus().jsonName()).isEqualTo(expect.get("tcb_status").asText());
      assertThat(verified.advisoryIds()).containsExactlyElementsOf(texts(expect.get("advisory_ids")));
      assertThat(verified.qeTcbStatus().jsonName()).isEqualTo(expect.get("qe_tcb_status").asText());
      assertThat(verified.tcbDate()).isEqualTo(Instant.parse(expect.get("platform_tcb_date").asText()));
      assertThat(verified.fmspc().hex()).isEqualTo(testCase.get("pck_extension").get("fmspc").asText());
      assertThat(verified.reportData().hex()).isEqualTo(testCase.get("fields").get("report_data").asText());
      assertThat(verified.isSimulation()).isFalse();
      if (expect.has("tdx_module_tcb_status")) {
        assertThat(verified.tdxModuleTcbStatus().orElseThrow().jsonName())
            .isEqualTo(expect.get("tdx_module_tcb_status").asText());
      }
      if (expect.has("tcb_evaluation_data_number")) {
        assertThat(verified.tcbEvaluationDataNumber())
            .isEqualTo(expect.get("tcb_evaluation_data_number").asInt());
      }
    }
  }

  private static TcbPolicy withExpected(TcbPolicy.Builder base, JsonNode expect) {
    base.acceptStatuses(TcbStatus.fromJson(expect.get("tcb_status").asText()).orElseThrow());
    texts(expect.get("advisory_ids")).forEach(base::acceptAdvisories);
    return base.build();
  }

  /** Both reject cases pass every signature and chain, then find no TCB level (README §6). */
  private static void assertRejected(JsonNode testCase) {
    assertThat(testCase.get("expect").get("error").asText()).containsIgnoringCase("TCB level");
    TcbPolicy everything = TcbPolicy.builder().acceptStatuses(TcbStatus.values()).build();
    assertThatThrownBy(() -> AttestationVectors.verify(testCase, AttestationVectors.quote(testCase),
            AttestationVectors.collateral(testCase), everything, AttestationVectors.verifyAt(testCase)))
        .isInstanceOfSatisfying(AttestationException.class,
            e -> assertThat(e.check()).as(e.getMessage()).isEqualTo(Check.TCB_LEVEL_NOT_FOUND));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
