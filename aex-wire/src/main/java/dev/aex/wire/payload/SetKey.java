package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.UnknownCodeException;
import dev.aex.wire.WireFormatException;
import dev.aex.wire.internal.Checks;
import java.util.Objects;

/**
 * The args of set_key (entry 0) on SGX, native and TrustZone modules (protocol.md §2.4, §4.2):
 * installs the key of connection {@code conn_id} at the module's endpoint {@code io_id}. The
 * connection key is AES-GCM-encrypted under the module key, with the first 7 bytes as associated
 * data. Exactly 39 bytes:
 *
 * <pre>
 * [enc:1][conn_id:2][io_id:2][nonce:2][ciphertext:16][tag:16]
 * |&lt;------- associated data -------&gt;|
 * </pre>
 *
 * Sancus modules use {@link SancusSetKey}, which has no {@code enc} byte.
 */
public record SetKey(
    Encryption encryption, int connId, int ioId, int nonce, SealedData encryptedKey) {
  private static final int AD_SIZE = 7;
  private static final int KEY_SIZE = 16;
  private static final int SIZE = AD_SIZE + KEY_SIZE + SealedData.TAG_LENGTH;

  /**
   * @throws IllegalArgumentException if an id or the nonce is not a u16, or the encrypted key is
   *     not 16 bytes
   */
  public SetKey {
    Objects.requireNonNull(encryption, "encryption");
    Checks.u16(connId, "SetKey conn_id");
    Checks.u16(ioId, "SetKey io_id");
    Checks.u16(nonce, "SetKey nonce");
    SealedData.requireCiphertext(encryptedKey, KEY_SIZE, "SetKey");
  }

  /** {@code [enc][conn_id][io_id][nonce]}, the associated data of the encryption. */
  public Bytes associatedData() {
    return PayloadWriter.of(AD_SIZE).u8(encryption.value()).u16(connId).u16(ioId).u16(nonce).done();
  }

  public Bytes encode() {
    return associatedData().concat(encryptedKey.encode());
  }

  /**
   * @throws MalformedPayloadException if the args are not 39 bytes
   * @throws UnknownCodeException if {@code enc} is not a known encryption type
   */
  public static SetKey decode(Bytes args) throws WireFormatException {
    PayloadReader in = PayloadReader.exactly(args, SIZE, "SetKey");
    Encryption encryption = Encryption.fromByte((byte) in.u8());
    return new SetKey(
        encryption, in.u16(), in.u16(), in.u16(), SealedData.split(in.rest(), "SetKey"));
  }
}
