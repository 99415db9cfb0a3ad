package dev.aex.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Mutations;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing the real quotes: every field cases.json states, and malformed copies. */
class DcapQuoteTest {

  static Stream<Arguments> cases() {
    return AttestationVectors.quoteCases().stream().map(c -> Arguments.of(c.get("id").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesEveryStatedField(String id, JsonNode testCase) throws AttestationException {
    DcapQuote quote = DcapQuote.parse(AttestationVectors.quote(testCase));
    JsonNode fields = testCase.get("fields");
    JsonNode layout = testCase.get("layout");
    assertThat(quote.version()).isEqualTo(layout.get("version").asInt());
    assertThat(quote.teeType().code()).isEqualTo(Integer.decode(layout.get("tee_type").asText()));
    assertThat(quote.userData().hex()).isEqualTo(fields.get("header_user_data").asText());
    assertThat(quote.body().reportData().hex()).isEqualTo(fields.get("report_data").asText());
    assertThat(quote.body().debug()).isEqualTo(fields.get("debug").asBoolean());
    if (quote.body() instanceof SgxReportBody sgx) {
      assertSgx(sgx, fields);
    } else {
      assertTdx((TdxReportBody) quote.body(), fields);
    }
    JsonNode qe = testCase.get("qe_report");
    assertThat(quote.qeReport().mrEnclave().hex()).isEqualTo(qe.get("mr_enclave").asText());
    assertThat(quote.qeReport().mrSigner().hex()).isEqualTo(qe.get("mr_signer").asText());
    assertThat(quote.qeReport().isvProdId()).isEqualTo(qe.get("isv_prod_id").asInt());
    assertThat(quote.qeReport().isvSvn()).isEqualTo(qe.get("isv_svn").asInt());
    assertThat(quote.qeReport().attributes().hex()).isEqualTo(qe.get("attributes").asText());
    assertThat(quote.pckCertificateChainPem().size()).isEqualTo(layout.get("pck_chain_length").asInt());
  }

  private static void assertSgx(SgxReportBody sgx, JsonNode fields) {
    assertThat(sgx.cpuSvn().hex()).isEqualTo(fields.get("cpu_svn").asText());
    assertThat(sgx.miscSelect()).isEqualTo(fields.get("misc_select").asInt());
    assertThat(sgx.attributes().hex()).isEqualTo(fields.get("attributes").asText());
    assertThat(sgx.mrEnclave().hex()).isEqualTo(fields.get("mr_enclave").asText());
    assertThat(sgx.mrSigner().hex()).isEqualTo(fields.get("mr_signer").asText());
    assertThat(sgx.isvProdId()).isEqualTo(fields.get("isv_prod_id").asInt());
    assertThat(sgx.isvSvn()).isEqualTo(fields.get("isv_svn").asInt());
  }

  private static void assertTdx(TdxReportBody td, JsonNode fields) {
    assertThat(td.teeTcbSvn().hex()).isEqualTo(fields.get("tee_tcb_svn").asText());
    assertThat(td.mrSeam().hex()).isEqualTo(fields.get("mr_seam").asText());
    assertThat(td.mrSignerSeam().hex()).isEqualTo(fields.get("mrsigner_seam").asText());
    assertThat(td.seamAttributes().hex()).isEqualTo(fields.get("seam_attributes").asText());
    assertThat(td.tdAttributes().hex()).isEqualTo(fields.get("td_attributes").asText());
    assertThat(td.xfam().hex()).isEqualTo(fields.get("xfam").asText());
    assertThat(td.mrTd().hex()).isEqualTo(fields.get("mr_td").asText());
    assertThat(td.mrConfigId().hex()).isEqualTo(fields.get("mr_config_id").asText());
    assertThat(td.mrOwner().hex()).isEqualTo(fields.get("mr_owner").asText());
    assertThat(td.mrOwnerConfig().hex()).isEqualTo(fields.get("mr_owner_config").asText());
    for (int i = 0; i < 4; i++) {
      assertThat(td.rtmrs().get(i).hex()).isEqualTo(fields.get("rtmr" + i).asText());
    }
    assertThat(td.teeTcbSvn2().hex()).isEqualTo(fields.path("tee_tcb_svn2").asText(""));
    assertThat(td.mrServiceTd().hex()).isEqualTo(fields.path("mr_servicetd").asText(""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyTruncationIsAFormatError(String id, JsonNode testCase) {
    byte[] quote = AttestationVectors.quote(testCase);
    int end = testCase.get("layout").get("quote_end").asInt();
    for (int length = 0; length < end; length++) {
      byte[] truncated = Arrays.copyOf(quote, length);
      assertThatThrownBy(() -> DcapQuote.parse(truncated)).as("truncated to %d", length)
          .isInstanceOfSatisfying(AttestationException.class,
              e -> assertThat(e.check()).isEqualTo(Check.QUOTE_FORMAT));
    }
  }

  /** Each bit of the structural fields (header, lengths, types) flipped: parsed, or a format error. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bitFlipsNeverCrashTheParser(String id, JsonNode testCase) {
    byte[] quote = AttestationVectors.quote(testCase);
    for (Mutations.Mutation m : Mutations.bitFlips(quote)) {
      Throwable thrown = catchThrowable(() -> DcapQuote.parse(m.bytes()));
      if (thrown != null) {
        assertThat(thrown).as(m.description()).isInstanceOfSatisfying(AttestationException.class,
            e -> assertThat(e.check()).isEqualTo(Check.QUOTE_FORMAT));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aLengthFieldThatDisagreesWithTheStructureIsRejected(String id, JsonNode testCase) {
    byte[] quote = AttestationVectors.quote(testCase);
    int at = testCase.get("layout").get("signature_data_length_offset").asInt();
    for (int delta : new int[] {-1, 1}) {
      byte[] copy = quote.clone();
      copy[at] = (byte) (copy[at] + delta);
      assertThatThrownBy(() -> DcapQuote.parse(copy))
          .isInstanceOfSatisfying(AttestationException.class,
              e -> assertThat(e.check()).isEqualTo(Check.QUOTE_FORMAT));
    }
  }
}
