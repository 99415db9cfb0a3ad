package dev.aex.deployer.internal;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.spongent.SpongeWrap;
import dev.aex.crypto.spongent.SpongentVariant;
import java.nio.ByteBuffer;

/**
 * The cipher of a connection, the {@code enc} byte of set_key. It follows from the endpoints, not
 * from the descriptor's {@code encryption} (which stays {@code aes} for compatibility): secure AES
 * when every module end is an aex module, otherwise what the descriptor names.
 */
enum Suite {
  LEGACY_AES(0),
  SPONGENT(1),
  SECURE_AES(2);

  private final int enc;

  Suite(int enc) {
    this.enc = enc;
  }

  int enc() {
    return enc;
  }

  /** How many counters one direct output takes. */
  static final int OUTPUT_COUNTERS = 1;

  /** How many counters one direct request takes: the original uses n and n + 1 for the reply. */
  int requestCounters() {
    return this == SECURE_AES ? 1 : 2;
  }

  /** The bytes a sealed event or request adds to its data. */
  int overhead() {
    return switch (this) {
      case SECURE_AES -> SecureAesGcm.OVERHEAD;
      case LEGACY_AES -> LEGACY_TAG_BYTES;
      case SPONGENT -> SpongentVariant.SPONGENT_128.tagLength();
    };
  }

  /** AES-GCM's tag: the legacy suite sends nothing else (its IV is zero). */
  private static final int LEGACY_TAG_BYTES = 16;

  /** An event for entry 3 of {@code connId}, the {@code counter}-th of the deployer's sender. */
  byte[] sealEvent(SymmetricKey key, int connId, long counter, byte[] data) {
    return switch (this) {
      case SECURE_AES -> SecureAesGcm.create(key).resumeSender(counter).seal(ad(3, connId), data);
      case LEGACY_AES -> LegacyZeroIvAesGcm.create(key).encrypt(be16(counter), data);
      case SPONGENT -> spongent(key).wrap(be16(counter), data);
    };
  }

  /** Seals a request (entry 4) and returns how to open its reply. */
  SentRequest sealRequest(SymmetricKey key, int connId, long counter, byte[] data) {
    return switch (this) {
      case SECURE_AES -> {
        PendingRequest pending =
            SecureAesGcm.create(key).resumeSender(counter).sealRequest(ad(4, connId), data);
        yield new SentRequest(pending.frame(), reply -> pending.openReply(ad(4, connId), reply));
      }
      case LEGACY_AES -> {
        LegacyZeroIvAesGcm aes = LegacyZeroIvAesGcm.create(key);
        yield new SentRequest(aes.encrypt(be16(counter), data),
            reply -> aes.decrypt(be16(counter + 1), reply));
      }
      case SPONGENT -> {
        SpongeWrap wrap = spongent(key);
        yield new SentRequest(wrap.wrap(be16(counter), data),
            reply -> wrap.unwrap(be16(counter + 1), reply));
      }
    };
  }

  record SentRequest(byte[] frame, ReplyOpener opener) {}

  @FunctionalInterface
  interface ReplyOpener {
    byte[] open(byte[] reply) throws AuthenticationFailedException;
  }

  private static SpongeWrap spongent(SymmetricKey key) {
    return SpongeWrap.create(SpongentVariant.SPONGENT_128, key);
  }

  private static byte[] ad(int entry, int connId) {
    return ByteBuffer.allocate(4).putShort((short) entry).putShort((short) connId).array();
  }

  private static byte[] be16(long value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  @Override
  public String toString() {
    return switch (this) {
      case LEGACY_AES -> "legacy zero-IV AES (enc 0)";
      case SPONGENT -> "SPONGENT (enc 1)";
      case SECURE_AES -> "secure AES (enc 2)";
    };
  }
}
