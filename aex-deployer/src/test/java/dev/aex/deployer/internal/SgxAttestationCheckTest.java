package dev.aex.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.attestation.Collateral;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.SgxPolicy;
import dev.aex.attestation.simulation.SimulationCollateral;
import dev.aex.crypto.keys.SgxKeyAgreement;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.ModuleCommon;
import dev.aex.deployer.descriptor.NodeAddress;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.module.runtime.SimulatedQuoteSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The deployer's checks of an enclave's reply, on replies made as a simulated enclave makes them:
 * a good one gives the enclave's key; a tampered quote, a quote for another request, a wrong
 * MRENCLAVE and a simulated quote for a node not in simulation are each refused by name.
 */
class SgxAttestationCheckTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant NOW = Instant.now();
  private static final byte[] MR_ENCLAVE = bytes(32);
  private static final SgxNode SIMULATED = node(SgxMode.SIMULATION);
  private static final SgxModule MODULE = new SgxModule(ModuleCommon.of("vault", "enclaves"),
      "vk.pem", "ra.json", "vault", List.of(), Optional.of(1), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  private final SgxKeyAgreement deployer = SgxKeyAgreement.generate();
  private final SgxKeyAgreement enclave = SgxKeyAgreement.generate();
  private final byte[] nonce = bytes(32);
  private final Collateral collateral = SimulationCollateral.fixed(NOW);

  @Test
  void aGoodReplyGivesTheKeyTheEnclaveDerived() throws Exception {
    SgxAttestation.Agreed agreed = check(SIMULATED, reply(nonce), policy(MR_ENCLAVE));

    assertThat(agreed.key()).isEqualTo(enclave.moduleKey(deployer.publicKey(),
        deployer.publicKey(), enclave.publicKey(), nonce));
    assertThat(agreed.quote().isSimulation()).isTrue();
  }

  @Test
  void aTamperedQuoteIsRefused() throws Exception {
    byte[] reply = reply(nonce);
    reply[32 + 48 + 64] ^= 1; // a byte of MRENCLAVE in the signed report body

    assertThatThrownBy(() -> check(SIMULATED, reply, policy(MR_ENCLAVE)))
        .isInstanceOf(DeployerException.class)
        .hasMessageStartingWith("attest vault on enclaves (127.0.0.1:6000): the quote failed check")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("check (\\w+): \\1:"));
  }

  @Test
  void aQuoteForAnotherRequestIsRefused() throws Exception {
    assertThatThrownBy(() -> check(SIMULATED, reply(bytes(32)), policy(MR_ENCLAVE)))
        .hasMessageContaining("report data does not bind")
        .hasMessageContaining("REPORT_DATA");
  }

  @Test
  void anotherMeasurementIsRefused() throws Exception {
    assertThatThrownBy(() -> check(SIMULATED, reply(nonce), policy(bytes(32))))
        .hasMessageContaining("check MRENCLAVE");
  }

  @Test
  void aSimulatedQuoteIsRefusedForANodeNotInSimulation() throws Exception {
    assertThatThrownBy(() -> check(node(SgxMode.GRAMINE), reply(nonce), policy(MR_ENCLAVE)))
        .hasMessageContaining("the quote failed check SIMULATION_ROOT: it is signed under the"
            + " INSECURE simulation root CA, but node enclaves is not in simulation")
        .hasMessageContaining("sgx_mode");
  }

  @Test
  void aShortReplyIsRefused() {
    assertThatThrownBy(() -> check(SIMULATED, new byte[32], policy(MR_ENCLAVE)))
        .hasMessageContaining("the reply has 32 bytes");
  }

  private SgxAttestation.Agreed check(SgxNode node, byte[] reply, SgxPolicy policy)
      throws DeployerException {
    return SgxAttestation.check(Where.at("attest", "vault", node), node, reply, deployer, nonce,
        policy, collateral, NOW, MODULE);
  }

  /** What a simulated enclave answers to a request with {@code requestNonce}. */
  private byte[] reply(byte[] requestNonce) throws Exception {
    byte[] quote = new SimulatedQuoteSource(HexBytes.of(MR_ENCLAVE)).quote(SgxKeyAgreement.reportData(
        enclave.publicKey(), deployer.publicKey(), requestNonce));
    byte[] reply = new byte[32 + quote.length];
    System.arraycopy(enclave.publicKey(), 0, reply, 0, 32);
    System.arraycopy(quote, 0, reply, 32, quote.length);
    return reply;
  }

  private static SgxPolicy policy(byte[] mrEnclave) {
    return new SgxSettings(Optional.empty(), List.of(), List.of(), false, Optional.empty(), 0, 0)
        .policy(HexBytes.of(mrEnclave), SgxMode.SIMULATION);
  }

  private static SgxNode node(SgxMode mode) {
    return new SgxNode("enclaves", new NodeAddress("127.0.0.1", 6000, 6000), 1, "127.0.0.1",
        SgxNode.DEFAULT_AESM_PORT, mode);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
