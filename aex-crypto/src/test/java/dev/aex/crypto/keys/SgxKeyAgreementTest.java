package dev.aex.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SgxKeyAgreementTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SgxKeyAgreement deployer = SgxKeyAgreement.generate();
  private final SgxKeyAgreement enclave = SgxKeyAgreement.generate();
  private final byte[] nonce = random(32);

  @Test
  void bothSidesDeriveTheSameKey() {
    byte[] d = deployer.publicKey();
    byte[] e = enclave.publicKey();
    SymmetricKey onDeployer = deployer.moduleKey(e, d, e, nonce);
    SymmetricKey inEnclave = enclave.moduleKey(d, d, e, nonce);

    assertThat(onDeployer).isEqualTo(inEnclave);
    assertThat(onDeployer.length()).isEqualTo(16);
  }

  @Test
  void theKeyIsBoundToTheNonceAndTheTranscript() {
    byte[] d = deployer.publicKey();
    byte[] e = enclave.publicKey();
    SymmetricKey key = deployer.moduleKey(e, d, e, nonce);

    assertThat(deployer.moduleKey(e, d, e, random(32))).isNotEqualTo(key);
    SgxKeyAgreement other = SgxKeyAgreement.generate();
    assertThat(deployer.moduleKey(other.publicKey(), d, other.publicKey(), nonce)).isNotEqualTo(key);
  }

  @Test
  void reportDataIsTheHashOfBothKeysAndTheNonceThenZeros() throws Exception {
    byte[] d = deployer.publicKey();
    byte[] e = enclave.publicKey();
    byte[] data = SgxKeyAgreement.reportData(e, d, nonce);

    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(e);
    sha.update(d);
    assertThat(Arrays.copyOf(data, 32)).isEqualTo(sha.digest(nonce));
    assertThat(Arrays.copyOfRange(data, 32, 64)).isEqualTo(new byte[32]);
  }

  @Test
  void rfc7748Section61Vector() throws Exception {
    HexFormat hex = HexFormat.of();
    byte[] alicePrivate = hex.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] alicePublic = hex.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    byte[] bobPublic = hex.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    java.security.KeyFactory factory = java.security.KeyFactory.getInstance("X25519");
    java.security.KeyPair alice = new java.security.KeyPair(SgxKeyAgreement.decodePublic(alicePublic),
        factory.generatePrivate(new java.security.spec.XECPrivateKeySpec(
            java.security.spec.NamedParameterSpec.X25519, alicePrivate)));

    SgxKeyAgreement agreement = SgxKeyAgreement.of(alice);

    assertThat(agreement.publicKey()).isEqualTo(alicePublic);
    assertThat(hex.formatHex(agreement.shared(bobPublic)))
        .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }

  @Test
  void aLowOrderPeerKeyIsRefused() {
    byte[] zero = new byte[32];
    assertThatThrownBy(() -> deployer.moduleKey(zero, deployer.publicKey(), zero, nonce))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peer public key");
  }

  @Test
  void wrongSizesAndAForeignTranscriptAreRefused() {
    byte[] d = deployer.publicKey();
    byte[] e = enclave.publicKey();
    assertThatThrownBy(() -> deployer.moduleKey(e, d, e, new byte[31]))
        .hasMessage("nonce: 31 bytes (expected: 32)");
    assertThatThrownBy(() -> SgxKeyAgreement.reportData(new byte[33], d, nonce))
        .hasMessage("enclave public key: 33 bytes (expected: 32)");
    SgxKeyAgreement stranger = SgxKeyAgreement.generate();
    assertThatThrownBy(() -> stranger.moduleKey(e, d, e, nonce))
        .hasMessageContaining("neither the deployer's nor the enclave's");
  }

  @Test
  void toStringShowsOnlyThePublicKey() {
    assertThat(deployer.toString()).contains(HexFormat.of().formatHex(deployer.publicKey()));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
