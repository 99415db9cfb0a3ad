package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import java.util.Objects;

/**
 * An authenticated-encryption output as it travels in a payload: {@code ciphertext || tag}, the tag
 * being the last {@value #TAG_LENGTH} bytes (AES-GCM and SpongeWrap-128 both use 16-byte tags,
 * protocol.md §5). The ciphertext may be empty.
 *
 * <pre>
 * [ciphertext:*][tag:16]
 * </pre>
 *
 * Guarantees only the shape; whether the tag verifies is for aex-crypto to decide.
 */
public record SealedData(Bytes ciphertext, Bytes tag) {
  public static final int TAG_LENGTH = 16;

  /**
   * @throws IllegalArgumentException if the tag is not 16 bytes
   */
  public SealedData {
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (tag.size() != TAG_LENGTH) {
      throw new IllegalArgumentException("tag length: " + tag.size() + " (expected: 16)");
    }
  }

  /**
   * Splits {@code ciphertext || tag}.
   *
   * @param owner the message whose data this is, for the error, e.g. {@code "RemoteOutput"}
   * @throws MalformedPayloadException if {@code data} is shorter than a tag
   */
  public static SealedData split(Bytes data, String owner) throws MalformedPayloadException {
    if (data.size() < TAG_LENGTH) {
      throw new MalformedPayloadException(
          owner + " data length", data.size(), ">= 16 (ciphertext || 16-byte tag)");
    }
    int cut = data.size() - TAG_LENGTH;
    return new SealedData(data.slice(0, cut), data.slice(cut, data.size()));
  }

  /** For fixed layouts: fails unless {@code data}'s ciphertext has exactly {@code size} bytes. */
  static void requireCiphertext(SealedData data, int size, String type) {
    if (data.ciphertext().size() != size) {
      throw new IllegalArgumentException(
          type + " ciphertext length: " + data.ciphertext().size() + " (expected: " + size + ")");
    }
  }

  /** {@code ciphertext || tag}. */
  public Bytes encode() {
    return ciphertext.concat(tag);
  }

  /** The encoded length. */
  public int size() {
    return ciphertext.size() + TAG_LENGTH;
  }
}
