package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;
import java.util.Objects;

/**
 * The args of attest (entry 1) on TrustZone and Sancus modules (protocol.md §2.4, §4.3). The reply
 * payload is the 16-byte tag of the challenge under the module key. SGX and native modules answer
 * BadRequest.
 *
 * <pre>
 * [chal_len:2][challenge:chal_len]
 * </pre>
 *
 * Decoding requires {@code chal_len} to cover exactly the rest of the args.
 */
public record Attest(Bytes challenge) {
  private static final int HEADER = 2;

  /**
   * @throws IllegalArgumentException if the args would exceed 65535 bytes
   */
  public Attest {
    Objects.requireNonNull(challenge, "challenge");
    Checks.u16(HEADER + challenge.size(), "Attest args length");
  }

  public Bytes encode() {
    return PayloadWriter.of(HEADER + challenge.size())
        .u16(challenge.size())
        .bytes(challenge)
        .done();
  }

  /**
   * @throws MalformedPayloadException if {@code chal_len} does not match the bytes that follow it
   */
  public static Attest decode(Bytes args) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.atLeast(args, HEADER, "Attest");
    int length = in.u16();
    if (length != in.remaining()) {
      throw new MalformedPayloadException(
          "Attest chal_len", length, in.remaining() + " (the bytes after chal_len)");
    }
    return new Attest(in.rest());
  }
}
