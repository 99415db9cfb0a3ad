package dev.aex.deployer.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Collateral;
import dev.aex.attestation.SgxPolicy;
import dev.aex.attestation.DcapQuote;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.QuoteVerifier;
import dev.aex.attestation.TrustAnchor;
import dev.aex.attestation.VerifiedQuote;
import dev.aex.crypto.ConstantTime;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.keys.SgxKeyAgreement;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.ReservedEntry;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The key agreement of an SGX module (docs/sgx.md, SECURITY.md §5): sends {@code
 * [deployer_pub:32][nonce:32]} to attest (entry 1), verifies the returned DCAP quote under the
 * module's policy (MRENCLAVE from the build, ra_settings, the simulation root only for a node in
 * simulation), checks that the report data binds the enclave's key to this request, and records
 * the derived module key. Every failure names the node, the module and the check.
 */
final class SgxAttestation {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SgxAttestation() {}

  static void agree(Context ctx, ModuleSlot slot) throws DeployerException {
    SgxModule m = (SgxModule) slot.get();
    SgxNode node = (SgxNode) ctx.runsOn(m);
    Where where = Where.at("attest", m.name(), node);
    HexBytes mrEnclave = HexBytes.fromHex(m.mrEnclave().orElseThrow(() -> where.fail(
        "the result file has no mrenclave for the module", "Build and deploy it again")));
    SgxSettings settings = SgxSettings.read(ctx.workspace().root().resolve(m.raSettings()), where);
    Instant now = Instant.now();
    var collateral = settings.collateral(node.mode(), now, where);
    SgxKeyAgreement agreement = SgxKeyAgreement.generate();
    byte[] deployerPublic = agreement.publicKey();
    byte[] nonce = new byte[SgxKeyAgreement.NONCE_SIZE];
    RANDOM.nextBytes(nonce);
    byte[] request = new byte[deployerPublic.length + nonce.length];
    System.arraycopy(deployerPublic, 0, request, 0, deployerPublic.length);
    System.arraycopy(nonce, 0, request, deployerPublic.length, nonce.length);
    ResultMessage reply = ctx.em().exchange(where, new Call(m.id().orElseThrow(),
        ReservedEntry.ATTEST.id(), Bytes.of(request)).toMessage());
    if (reply.code() != ResultCode.OK) {
      throw where.fail("the module answered " + reply.code() + " to the key agreement",
          reply.code() == ResultCode.BAD_REQUEST
              ? "It has agreed on a key and confirmed it already (with an earlier attest, or"
                  + " with someone else: the event manager is untrusted); to attest it anew, restart"
                  + " it: aex reset on that node, then deploy and attest"
              : "Is it an aex SGX module, loaded on that node? The node's log says why");
    }
    Agreed agreed = check(where, node, reply.payload().toByteArray(), agreement, nonce,
        settings.policy(mrEnclave, node.mode()), collateral, now, m);
    SymmetricKey key = agreed.key();
    VerifiedQuote verified = agreed.quote();
    slot.update(x -> ((SgxModule) x).withKey(key));
    if (node.mode() == SgxMode.SIMULATION) {
      // Only once it is: a refused attestation (or deploy's probe for an enclave left running)
      // warned of one that did not happen.
      ctx.listener().warning("Node " + node.name() + " is an SGX SIMULATION (sgx_mode): module "
          + m.name() + " is attested with INSECURE test quotes and is not isolated");
    }
    ctx.listener().info("Module " + m.name() + " attested: quote verified (MRENCLAVE "
        + mrEnclave.hex() + ", TCB " + verified.tcbStatus()
        + (verified.isSimulation() ? ", INSECURE simulation" : "") + "), module key agreed");
  }

  /** The outcome of a reply that passed every check. */
  record Agreed(SymmetricKey key, VerifiedQuote quote) {}

  /**
   * Checks the enclave's reply {@code [enclave_pub:32][quote]} to the request made of {@code
   * agreement}'s public key and {@code nonce}: the quote under {@code policy}, then the report
   * data binding; derives the module key.
   */
  static Agreed check(Where where, SgxNode node, byte[] payload, SgxKeyAgreement agreement,
      byte[] nonce, SgxPolicy policy, Collateral collateral, Instant now, SgxModule m)
      throws DeployerException {
    if (payload.length <= SgxKeyAgreement.PUBLIC_KEY_SIZE) {
      throw where.fail("the reply has " + payload.length + " bytes (expected: a 32-byte public key"
          + " and a quote)", "Is it an aex SGX module?");
    }
    byte[] deployerPublic = agreement.publicKey();
    byte[] enclavePublic = Arrays.copyOf(payload, SgxKeyAgreement.PUBLIC_KEY_SIZE);
    byte[] quote = Arrays.copyOfRange(payload, SgxKeyAgreement.PUBLIC_KEY_SIZE, payload.length);
    refuseSimulationUnlessEnabled(quote, node, where);
    VerifiedQuote verified;
    try {
      verified = QuoteVerifier.verify(quote, collateral, policy, now);
    } catch (AttestationException e) {
      // The message starts with the check's name already ("SVN: ISV SVN 0 is below …").
      throw where.fail("the quote failed check " + e.getMessage(), hint(e, m));
    }
    byte[] expected = SgxKeyAgreement.reportData(enclavePublic, deployerPublic, nonce);
    if (!ConstantTime.equals(expected, verified.reportData().toByteArray())) {
      throw where.fail("the quote's report data does not bind the enclave key of this reply to"
          + " this request (check REPORT_DATA)", "Someone between the deployer and the enclave"
          + " replayed or replaced the reply; deploy the module again");
    }
    try {
      return new Agreed(agreement.moduleKey(enclavePublic, deployerPublic, enclavePublic, nonce),
          verified);
    } catch (IllegalArgumentException e) {
      throw where.fail("the enclave's public key is unusable: " + e.getMessage(), "Deploy it again");
    }
  }

  /** A clear refusal before the verifier's: the quote chains to the simulation root. */
  private static void refuseSimulationUnlessEnabled(byte[] quote, SgxNode node, Where where)
      throws DeployerException {
    if (node.mode() == SgxMode.SIMULATION) {
      return;
    }
    List<? extends Certificate> chain;
    try {
      chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(
          new ByteArrayInputStream(DcapQuote.parse(quote).pckCertificateChainPem().toByteArray())));
      if (!chain.isEmpty() && Arrays.equals(chain.get(chain.size() - 1).getEncoded(),
          TrustAnchor.simulationRootCa().certificate().getEncoded())) {
        throw where.fail("the quote failed check SIMULATION_ROOT: it is signed under the INSECURE"
            + " simulation root CA, but node " + node.name() + " is not in simulation",
            "The node runs modules without SGX (its event manager has --sgx simulation); use a"
            + " real SGX node, or for tests set the node's \"sgx_mode\": \"simulation\"");
      }
    } catch (AttestationException | CertificateException e) {
      // Not parseable here: the verifier reports it with its check.
    }
  }

  private static String hint(AttestationException e, SgxModule m) {
    return switch (e.check()) {
      case MRENCLAVE -> "The enclave does not run the code built for " + m.name() + " (mrenclave "
          + "in the result file); deploy it again, and check that the node has the same JDK";
      case SIMULATION_ROOT, PCK_CHAIN -> "The quote does not chain to the trusted root; is the"
          + " node's sgx_mode right?";
      case DEBUG -> "The enclave is a debug enclave; build in release mode, or set allow_debug in"
          + " ra_settings for development";
      case TCB_STATUS, ADVISORY -> "The platform's TCB is not accepted; update it, or accept the"
          + " status or advisory in ra_settings";
      default -> "See docs/sgx.md";
    };
  }
}
