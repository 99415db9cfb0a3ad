package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;

/**
 * The args of set_key (entry 0) on Sancus modules (protocol.md §2.4, §4.2): as {@link SetKey} but
 * without the {@code enc} byte, since Sancus connections always use SPONGENT; the connection key is
 * SpongeWrap-encrypted under the module key with the first 6 bytes as associated data. Exactly 38
 * bytes:
 *
 * <pre>
 * [conn_id:2][io_id:2][nonce:2][ciphertext:16][tag:16]
 * |&lt;--- associated data ---&gt;|
 * </pre>
 */
public record SancusSetKey(int connId, int ioId, int nonce, SealedData encryptedKey) {
  private static final int AD_SIZE = 6;
  private static final int KEY_SIZE = 16;
  private static final int SIZE = AD_SIZE + KEY_SIZE + SealedData.TAG_LENGTH;

  /**
   * @throws IllegalArgumentException if an id or the nonce is not a u16, or the encrypted key is
   *     not 16 bytes
   */
  public SancusSetKey {
    Checks.u16(connId, "SancusSetKey conn_id");
    Checks.u16(ioId, "SancusSetKey io_id");
    Checks.u16(nonce, "SancusSetKey nonce");
    SealedData.requireCiphertext(encryptedKey, KEY_SIZE, "SancusSetKey");
  }

  /** {@code [conn_id][io_id][nonce]}, the associated data of the encryption. */
  public Bytes associatedData() {
    return PayloadWriter.of(AD_SIZE).u16(connId).u16(ioId).u16(nonce).done();
  }

  public Bytes encode() {
    return associatedData().concat(encryptedKey.encode());
  }

  /**
   * @throws MalformedPayloadException if the args are not 38 bytes
   */
  public static SancusSetKey decode(Bytes args) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.exactly(args, SIZE, "SancusSetKey");
    return new SancusSetKey(
        in.u16(), in.u16(), in.u16(), SealedData.split(in.rest(), "SancusSetKey"));
  }
}
