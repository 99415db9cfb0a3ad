package dev.aex.module.runtime;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.keys.SgxKeyAgreement;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * attest (entry 1) of an SGX module, the key agreement (SECURITY.md §5, docs/sgx.md):
 *
 * <pre>
 * args  (64 bytes): [deployer_pub:32][nonce:32]
 * reply (Ok):       [enclave_pub:32][quote:*]   report data = SHA-256(enclave_pub ‖ deployer_pub ‖ nonce) ‖ 0^32
 * </pre>
 *
 * The derived key becomes the module key; from then on set_key, the secure attest challenge and
 * disable work as on a native node. Once a message under the agreed key has been accepted (the
 * deployer's attest challenge, which confirms the agreement), a new agreement is refused
 * (BadRequest), so that nobody, the event manager included, can replace the deployer's key. Until
 * then the module may agree again: a deployer whose quote check failed (a policy it then changed)
 * or whose challenge never arrived attests again without a restart. The event manager can do so
 * too, but it could always have agreed first: the deployer's own check then fails, and it says
 * so; it never accepts a key that its quote does not bind to its own request.
 */
final class SgxAttestEntry {
  private static final Logger LOG = System.getLogger(SgxAttestEntry.class.getName());
  static final int REQUEST_SIZE = SgxKeyAgreement.PUBLIC_KEY_SIZE + SgxKeyAgreement.NONCE_SIZE;

  private final ControlChannel control;
  private final QuoteSource evidence;

  SgxAttestEntry(ControlChannel control, QuoteSource evidence) {
    this.control = control;
    this.evidence = evidence;
  }

  synchronized ResultMessage handle(byte[] args) throws Rejection {
    if (args.length != REQUEST_SIZE) {
      throw new Rejection(ResultCode.ILLEGAL_PAYLOAD, "sgx attest args: " + args.length
          + " bytes (expected: " + REQUEST_SIZE + " = deployer public key and nonce)");
    }
    if (control.used()) {
      throw new Rejection(ResultCode.BAD_REQUEST, "sgx attest: the module key was agreed and"
          + " confirmed already; restart the module to attest it again");
    }
    byte[] deployerPublic = Arrays.copyOf(args, SgxKeyAgreement.PUBLIC_KEY_SIZE);
    byte[] nonce = Arrays.copyOfRange(args, SgxKeyAgreement.PUBLIC_KEY_SIZE, REQUEST_SIZE);
    SgxKeyAgreement agreement = SgxKeyAgreement.generate();
    byte[] enclavePublic = agreement.publicKey();
    SymmetricKey key;
    byte[] quote;
    try {
      key = agreement.moduleKey(deployerPublic, deployerPublic, enclavePublic, nonce);
      quote = evidence.quote(SgxKeyAgreement.reportData(enclavePublic, deployerPublic, nonce));
    } catch (IllegalArgumentException e) {
      throw new Rejection(ResultCode.ILLEGAL_PAYLOAD, "sgx attest: " + e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.ERROR, "sgx attest: no quote from {0}: {1}", evidence.describe(), e.getMessage());
      return ResultMessage.of(ResultCode.INTERNAL_ERROR);
    }
    byte[] reply = new byte[enclavePublic.length + quote.length];
    System.arraycopy(enclavePublic, 0, reply, 0, enclavePublic.length);
    System.arraycopy(quote, 0, reply, enclavePublic.length, quote.length);
    if (reply.length > 0xffff) {
      LOG.log(Level.ERROR, "sgx attest: quote of {0} bytes does not fit a reply", quote.length);
      return ResultMessage.of(ResultCode.INTERNAL_ERROR);
    }
    control.rekey(key);
    LOG.log(Level.INFO, "sgx attest: module key agreed; quote of {0} bytes from {1}",
        String.valueOf(quote.length), evidence.describe());
    return new ResultMessage(ResultCode.OK, Bytes.of(reply));
  }
}
