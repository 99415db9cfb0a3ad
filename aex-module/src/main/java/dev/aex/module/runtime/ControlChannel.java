package dev.aex.module.runtime;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.secure.ReceivedRequest;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.wire.ResultCode;

/**
 * Messages from the deployer under the module key (set_key, attest, disable). Secure messages go
 * through one receiver window, so concurrent or reordered control messages are accepted exactly
 * once (SECURITY.md §4). The original layouts use the module's u16 control nonce, which must match
 * exactly and advances by one per accepted message (protocol.md §4.2, §4.7).
 */
final class ControlChannel {
  private static final int MAX_NONCE = 0xffff;

  // Replaced once, by an SGX module's key agreement (SgxAttestEntry); volatile for that.
  private volatile Receiver receiver;
  private volatile LegacyZeroIvAesGcm legacy;
  private volatile boolean used; // a secure message authenticated under the current key
  private int nonce; // guarded by this

  ControlChannel(SymmetricKey moduleKey) {
    this.receiver = SecureAesGcm.create(moduleKey).newReceiver();
    this.legacy = LegacyZeroIvAesGcm.create(moduleKey);
  }

  /**
   * Puts {@code moduleKey} in place of the current key, with a fresh receiver window and control
   * nonce: an SGX module learns its key only at attestation (its start-up key is random and
   * known to nobody).
   */
  synchronized void rekey(SymmetricKey moduleKey) {
    this.receiver = SecureAesGcm.create(moduleKey).newReceiver();
    this.legacy = LegacyZeroIvAesGcm.create(moduleKey);
    this.used = false;
    this.nonce = 0;
  }

  /**
   * Whether a message sealed under the current key has been accepted: whoever holds the key has
   * used it (an SGX module's deployer confirms an agreed key with the attest challenge).
   */
  boolean used() {
    return used;
  }

  byte[] open(byte[] associatedData, byte[] frame, String what) throws Rejection {
    try {
      byte[] plaintext = receiver.open(associatedData, frame);
      used = true;
      return plaintext;
    } catch (AuthenticationFailedException e) {
      throw Rejection.crypto(what, e);
    }
  }

  ReceivedRequest openRequest(byte[] associatedData, byte[] frame, String what)
      throws Rejection {
    try {
      ReceivedRequest request = receiver.openRequest(associatedData, frame);
      used = true;
      return request;
    } catch (AuthenticationFailedException e) {
      throw Rejection.crypto(what, e);
    }
  }

  /**
   * Checks an original-layout message: its nonce must be the control nonce, it must decrypt under
   * the zero-IV AES, and only then is the nonce consumed (a forgery consumes nothing).
   */
  synchronized byte[] openCounted(int messageNonce, byte[] associatedData, byte[] sealed, String what)
      throws Rejection {
    if (nonce == MAX_NONCE) {
      throw new Rejection(
          ResultCode.CRYPTO_ERROR, what + ": module nonce exhausted at 65535 (restart the module)");
    }
    if (messageNonce != nonce) {
      throw new Rejection(
          ResultCode.ILLEGAL_PAYLOAD, what + ": nonce " + messageNonce + " (expected: " + nonce + ")");
    }
    try {
      byte[] plaintext = legacy.decrypt(associatedData, sealed);
      nonce++;
      return plaintext;
    } catch (AuthenticationFailedException e) {
      throw Rejection.crypto(what, e);
    }
  }

  /** The TrustZone-style attestation tag of {@code challenge} under the module key. */
  byte[] legacyMac(byte[] challenge) {
    return legacy.mac(challenge);
  }
}
