package dev.aex.module.runtime;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.wire.ResultCode;

/**
 * A message the runtime refuses: the code the peer gets, and a reason for the local log only
 * (never sent, never holding key material or payload bytes).
 */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ResultCode code;

  Rejection(ResultCode code, String reason) {
    // No stack trace: rejections are expected control flow on a path an attacker can drive.
    super(reason, null, false, false);
    this.code = code;
  }

  /** A failed authentication; the cause's reason (BAD_TAG, REPLAY, …) goes to the log only. */
  static Rejection crypto(String context, AuthenticationFailedException cause) {
    return new Rejection(ResultCode.CRYPTO_ERROR, context + ": " + cause.reason());
  }

  /** Args of a reserved entry whose size fits neither the secure nor the original layout. */
  static Rejection badSize(
      String what, int size, int secureSize, int legacySize, boolean originalLayout) {
    String original = originalLayout
        ? " or " + legacySize
        : ", or " + legacySize + " with the original-control flag";
    return new Rejection(
        ResultCode.ILLEGAL_PAYLOAD,
        what + ": " + size + " bytes (expected: " + secureSize + original + ")");
  }

  ResultCode code() {
    return code;
  }
}
