package dev.aex.module.runtime;

import dev.aex.crypto.secure.ReceivedRequest;
import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.ReservedEntry;
import java.util.Arrays;
import java.util.Optional;

/**
 * attest (entry 1). Secure: the args are one 40-byte frame under the module key (AD {@code
 * BE16(1)}, a 16-byte challenge), and the reply is the challenge sealed back as that request's
 * reply (SECURITY.md §4), so the module only answers challenges the deployer authenticated.
 *
 * <p>With the original-control flag, {@code [chal_len:2][challenge]} (chal_len = the rest, at
 * least 1) is answered TrustZone-style with the zero-IV AES tag of the challenge (protocol.md
 * §4.3). That layout is tried first, because a secure frame's leading counter bytes never equal
 * its length.
 * Note that this answers any challenge the event manager sends: it is a MAC oracle under the
 * module key, which is one reason the flag exists only for interoperability.
 */
final class AttestEntry {
  private static final int SECURE_SIZE = 40;
  private static final byte[] AD = Be16.of(ReservedEntry.ATTEST.id());

  private final ControlChannel control;
  private final boolean originalLayout;
  private final Optional<SgxAttestEntry> sgx;

  AttestEntry(ControlChannel control, boolean originalLayout) {
    this(control, originalLayout, Optional.empty());
  }

  /**
   * With {@code evidence} (an SGX module), a 64-byte request is the key agreement of {@link
   * SgxAttestEntry}; the 40-byte secure challenge then confirms the agreed key.
   */
  AttestEntry(ControlChannel control, boolean originalLayout, Optional<QuoteSource> evidence) {
    this.control = control;
    this.originalLayout = originalLayout;
    this.sgx = evidence.map(e -> new SgxAttestEntry(control, e));
  }

  ResultMessage handle(byte[] args) throws Rejection {
    if (sgx.isPresent() && args.length == SgxAttestEntry.REQUEST_SIZE) {
      return sgx.get().handle(args);
    }
    if (originalLayout && isLegacyLayout(args)) {
      byte[] challenge = Arrays.copyOfRange(args, 2, args.length);
      return new ResultMessage(ResultCode.OK, Bytes.of(control.legacyMac(challenge)));
    }
    if (args.length != SECURE_SIZE) {
      throw new Rejection(
          ResultCode.ILLEGAL_PAYLOAD,
          "attest args: " + args.length + " bytes (expected: " + SECURE_SIZE
              + (originalLayout ? ", or [chal_len:2][challenge] with chal_len = the rest" : "") + ")");
    }
    ReceivedRequest request = control.openRequest(AD, args, "attest");
    return new ResultMessage(ResultCode.OK, Bytes.of(request.sealReply(AD, request.plaintext())));
  }

  private static boolean isLegacyLayout(byte[] args) {
    try {
      return !Attest.decode(Bytes.of(args)).challenge().isEmpty();
    } catch (MalformedPayloadException e) {
      return false;
    }
  }
}
