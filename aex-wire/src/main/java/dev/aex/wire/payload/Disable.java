package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;

/**
 * The args of disable (entry 2) (protocol.md §2.4, §4.7): proof that the caller holds the module
 * key. The plaintext is the 2 nonce bytes themselves, which are also the associated data; the
 * cipher is AES-GCM, or SpongeWrap on Sancus. Exactly 20 bytes:
 *
 * <pre>
 * [nonce:2][ciphertext:2][tag:16]
 * </pre>
 */
public record Disable(int nonce, SealedData encryptedNonce) {
  private static final int NONCE_SIZE = 2;
  private static final int SIZE = NONCE_SIZE + NONCE_SIZE + SealedData.TAG_LENGTH;

  /**
   * @throws IllegalArgumentException if the nonce is not a u16 or the ciphertext not 2 bytes
   */
  public Disable {
    Checks.u16(nonce, "Disable nonce");
    SealedData.requireCiphertext(encryptedNonce, NONCE_SIZE, "Disable");
  }

  /** {@code [nonce:2]}, the associated data (and the plaintext) of the encryption. */
  public Bytes associatedData() {
    return PayloadWriter.of(NONCE_SIZE).u16(nonce).done();
  }

  public Bytes encode() {
    return associatedData().concat(encryptedNonce.encode());
  }

  /**
   * @throws MalformedPayloadException if the args are not 20 bytes
   */
  public static Disable decode(Bytes args) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.exactly(args, SIZE, "Disable");
    return new Disable(in.u16(), SealedData.split(in.rest(), "Disable"));
  }
}
