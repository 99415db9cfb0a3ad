package dev.aex.crypto.spongent;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import dev.aex.crypto.ConstantTime;
import dev.aex.crypto.SymmetricKey;

/**
 * SpongentMAC (protocol.md §5.3): the tag of SpongeWrap with the message as associated data and an
 * empty plaintext. Sancus uses it for attestation replies and for the vendor and module key
 * derivations; the deployer uses it as {@code Encryption.SPONGENT.mac}.
 *
 * <p>Guarantees: the tag is {@link SpongentVariant#tagLength()} bytes and deterministic; {@link
 * #verifyMac} compares in constant time. Instances are immutable and thread-safe. Not guaranteed:
 * it is a plain deterministic MAC, so it says nothing about freshness; replay protection is the
 * caller's (a fresh attestation challenge, a counter).
 */
public final class SpongentMac {
  private static final byte[] EMPTY = new byte[0];

  private final SpongeWrap wrap;

  private SpongentMac(SpongeWrap wrap) {
    this.wrap = wrap;
  }

  /**
   * A MAC for {@code key}.
   *
   * @throws IllegalArgumentException if the key length is not {@link SpongentVariant#keyLength()}
   */
  public static SpongentMac create(SpongentVariant variant, SymmetricKey key) {
    return new SpongentMac(SpongeWrap.create(variant, key));
  }

  public SpongentVariant variant() {
    return wrap.variant();
  }

  /** The tag of {@code message}. */
  public byte[] computeMac(byte[] message) {
    // With an empty plaintext the wrap output is the tag alone.
    return wrap.wrap(message, EMPTY);
  }

  /**
   * Checks {@code tag} against {@code message}.
   *
   * @throws AuthenticationFailedException if the tag is shorter than a full tag ({@code
   *     TRUNCATED}) or does not match ({@code BAD_TAG})
   */
  public void verifyMac(byte[] tag, byte[] message) throws AuthenticationFailedException {
    if (tag.length < wrap.variant().tagLength()) {
      throw new AuthenticationFailedException(Reason.TRUNCATED);
    }
    if (!ConstantTime.equals(computeMac(message), tag)) {
      throw new AuthenticationFailedException(Reason.BAD_TAG);
    }
  }

  @Override
  public String toString() {
    return "SpongentMac[" + variant() + "]";
  }
}
