package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.keys.SgxKeyAgreement;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attest of an SGX module against a folder that imitates Gramine's {@code /dev/attestation}: the
 * module writes the report data binding its key to the request, returns its key and the quote,
 * takes the agreed key as its module key (the secure challenge then works under it), and agrees
 * only once.
 */
class SgxAttestEntryTest {
  private static final byte[] QUOTE = "a quote from the platform".getBytes();

  @TempDir Path device;

  private final ControlChannel control = new ControlChannel(SymmetricKey.random16());
  private final SgxKeyAgreement deployer = SgxKeyAgreement.generate();
  private final byte[] nonce = new byte[32];

  @Test
  void agreesOnTheKeyThatTheQuoteBinds() throws Exception {
    AttestEntry entry = entry();
    ResultMessage reply = entry.handle(request());

    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    byte[] payload = reply.payload().toByteArray();
    byte[] enclavePublic = Arrays.copyOf(payload, 32);
    assertThat(Arrays.copyOfRange(payload, 32, payload.length)).isEqualTo(QUOTE);
    assertThat(Files.readAllBytes(device.resolve("user_report_data")))
        .isEqualTo(SgxKeyAgreement.reportData(enclavePublic, deployer.publicKey(), nonce));

    SymmetricKey agreed = deployer.moduleKey(enclavePublic, deployer.publicKey(), enclavePublic, nonce);
    byte[] challenge = "sixteen byte chl".getBytes();
    PendingRequest pending = new TestDeployer(agreed).attest(challenge);
    ResultMessage answer = entry.handle(pending.frame());
    assertThat(answer.code()).isEqualTo(ResultCode.OK);
    assertThat(pending.openReply(new byte[] {0, 1}, answer.payload().toByteArray()))
        .isEqualTo(challenge);
  }

  /**
   * A deployer whose check failed may agree again; once a challenge under the agreed key was
   * answered, nobody can replace the key.
   */
  @Test
  void agreesAgainUntilTheAgreedKeyIsUsedThenNeverAgain() throws Exception {
    AttestEntry entry = entry();
    SymmetricKey first = agreedKey(entry.handle(request()));
    SymmetricKey second = agreedKey(entry.handle(request()));

    assertThatThrownBy(() -> entry.handle(new TestDeployer(first).attest(new byte[16]).frame()))
        .isInstanceOf(Rejection.class)
        .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(ResultCode.CRYPTO_ERROR));
    assertThat(entry.handle(new TestDeployer(second).attest(new byte[16]).frame()).code())
        .isEqualTo(ResultCode.OK);
    assertThatThrownBy(() -> entry.handle(request()))
        .isInstanceOf(Rejection.class)
        .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(ResultCode.BAD_REQUEST))
        .hasMessageContaining("agreed and confirmed already");
  }

  private SymmetricKey agreedKey(ResultMessage reply) {
    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    byte[] enclavePublic = Arrays.copyOf(reply.payload().toByteArray(), 32);
    return deployer.moduleKey(enclavePublic, deployer.publicKey(), enclavePublic, nonce);
  }

  @Test
  void withoutAQuoteNothingIsAgreedAndItMayBeAskedAgain() throws Exception {
    AttestEntry entry = entry();
    Files.delete(device.resolve("quote"));

    assertThat(entry.handle(request()).code()).isEqualTo(ResultCode.INTERNAL_ERROR);
    Files.write(device.resolve("quote"), QUOTE);
    assertThat(entry.handle(request()).code()).isEqualTo(ResultCode.OK);
  }

  @Test
  void aNativeModuleDoesNotTakeTheSgxRequest() {
    AttestEntry nativeEntry = new AttestEntry(control, false);
    assertThatThrownBy(() -> nativeEntry.handle(request()))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("64 bytes (expected: 40");
  }

  @Test
  void theGramineSourceSaysWhatIsMissing() {
    GramineQuoteSource absent = new GramineQuoteSource(device.resolve("nothing"));
    assertThat(absent.present()).isFalse();
    assertThatThrownBy(() -> absent.quote(new byte[64]))
        .hasMessageContaining("sgx.remote_attestation = \"dcap\"");
    assertThatThrownBy(() -> absent.quote(new byte[63]))
        .hasMessage("report data: 63 bytes (expected: 64)");
  }

  private AttestEntry entry() throws Exception {
    Files.write(device.resolve("user_report_data"), new byte[64]);
    if (!Files.exists(device.resolve("quote"))) {
      Files.write(device.resolve("quote"), QUOTE);
    }
    new SecureRandom().nextBytes(nonce);
    return new AttestEntry(control, false, Optional.of(new GramineQuoteSource(device)));
  }

  private byte[] request() {
    byte[] request = new byte[64];
    System.arraycopy(deployer.publicKey(), 0, request, 0, 32);
    System.arraycopy(nonce, 0, request, 32, 32);
    return request;
  }
}
