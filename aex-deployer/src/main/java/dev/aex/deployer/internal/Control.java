package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.spongent.SpongeWrap;
import dev.aex.crypto.spongent.SpongentMac;
import dev.aex.crypto.spongent.SpongentVariant;
import dev.aex.deployer.DeployerException;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import java.nio.ByteBuffer;

/**
 * The args of the control entries under a module key. aex modules get the secure suite
 * (SECURITY.md §4), with the module's {@code nonce} as the counter of the deployer's one sender
 * for that key; original modules get the original layouts (protocol.md §2.4, AES-GCM with a zero
 * IV, or SpongeWrap on Sancus) with the same field as their u16 nonce.
 */
final class Control {
  private static final byte[] ATTEST_AD = {0, 1};
  private static final byte[] DISABLE_AD = {0, 2};

  private Control() {}

  /**
   * Sends control message {@code args} (sealed under {@code nonce}) to reserved entry {@code
   * entry} of the slot's module; if it could not be sent, an original module gets the nonce back
   * ({@link ModuleSlot#giveBack}), since it accepts only the next one.
   */
  static ResultMessage exchange(Context ctx, ModuleSlot slot, Where where, int entry, byte[] args,
      long nonce) throws DeployerException {
    try {
      return ctx.em().exchange(where,
          new Call(slot.get().id().orElseThrow(), entry, Bytes.of(args)).toMessage());
    } catch (DeployerException e) {
      if (!ctx.workspace().isAex(slot.get())) {
        slot.giveBack(nonce, e);
      }
      throw e;
    }
  }

  /** {@code [enc:1][conn_id:2][io_id:2][frame:40]}, AD {@code BE16(0) ‖ enc ‖ conn_id ‖ io_id}. */
  static byte[] secureSetKey(SymmetricKey moduleKey, long counter, int enc, int connId, int ioId,
      SymmetricKey connectionKey) {
    byte[] header = ByteBuffer.allocate(5).put((byte) enc).putShort((short) connId)
        .putShort((short) ioId).array();
    byte[] ad = ByteBuffer.allocate(7).putShort((short) 0).put(header).array();
    byte[] frame = SecureAesGcm.create(moduleKey).resumeSender(counter)
        .seal(ad, connectionKey.revealBytes());
    return ByteBuffer.allocate(header.length + frame.length).put(header).put(frame).array();
  }

  /** A 40-byte frame sealing {@code challenge}; its reply must seal the same challenge back. */
  static PendingRequest secureAttest(SymmetricKey moduleKey, long counter, byte[] challenge) {
    return SecureAesGcm.create(moduleKey).resumeSender(counter).sealRequest(ATTEST_AD, challenge);
  }

  static byte[] attestAd() {
    return ATTEST_AD.clone();
  }

  /** A 24-byte frame, AD {@code BE16(2)}, empty plaintext. */
  static byte[] secureDisable(SymmetricKey moduleKey, long counter) {
    return SecureAesGcm.create(moduleKey).resumeSender(counter).seal(DISABLE_AD, new byte[0]);
  }

  /** The original set_key: {@code [enc][conn_id][io_id][nonce][ct:16][tag:16]}, AD = first 7. */
  static byte[] legacySetKey(SymmetricKey moduleKey, long nonce, int enc, int connId, int ioId,
      SymmetricKey connectionKey) {
    byte[] ad = ByteBuffer.allocate(7).put((byte) enc).putShort((short) connId)
        .putShort((short) ioId).putShort((short) nonce).array();
    byte[] sealed = LegacyZeroIvAesGcm.create(moduleKey).encrypt(ad, connectionKey.revealBytes());
    return ByteBuffer.allocate(ad.length + sealed.length).put(ad).put(sealed).array();
  }

  /** Sancus set_key: {@code [conn_id][io_id][nonce][ct:16][tag:16]}, SpongeWrap, AD = first 6. */
  static byte[] sancusSetKey(SymmetricKey moduleKey, long nonce, int connId, int ioId,
      SymmetricKey connectionKey) {
    byte[] ad = ByteBuffer.allocate(6).putShort((short) connId).putShort((short) ioId)
        .putShort((short) nonce).array();
    byte[] sealed = spongeWrap(moduleKey).wrap(ad, connectionKey.revealBytes());
    return ByteBuffer.allocate(ad.length + sealed.length).put(ad).put(sealed).array();
  }

  /** Sancus disable: {@code [nonce][ct:2][tag:16]} under SpongeWrap. */
  static byte[] sancusDisable(SymmetricKey moduleKey, long nonce) {
    byte[] n = {(byte) (nonce >>> 8), (byte) nonce};
    byte[] sealed = spongeWrap(moduleKey).wrap(n, n);
    return ByteBuffer.allocate(2 + sealed.length).put(n).put(sealed).array();
  }

  /** What a TrustZone module answers to attest: the zero-IV AES-GCM tag of the challenge. */
  static byte[] trustZoneTag(SymmetricKey moduleKey, byte[] challenge) {
    return LegacyZeroIvAesGcm.create(moduleKey).mac(challenge);
  }

  /** What a Sancus module answers to attest: SpongentMAC of the challenge. */
  static byte[] sancusTag(SymmetricKey moduleKey, byte[] challenge) {
    return SpongentMac.create(variant(moduleKey), moduleKey).computeMac(challenge);
  }

  private static SpongeWrap spongeWrap(SymmetricKey key) {
    return SpongeWrap.create(variant(key), key);
  }

  // The old 64-bit Sancus images have 8-byte keys and the 64-bit SPONGENT.
  private static SpongentVariant variant(SymmetricKey key) {
    return key.length() == 8 ? SpongentVariant.SPONGENT_64 : SpongentVariant.SPONGENT_128;
  }

  /** The original disable: {@code [nonce][ct:2][tag:16]}, AD and plaintext the nonce. */
  static byte[] legacyDisable(SymmetricKey moduleKey, long nonce) {
    byte[] n = {(byte) (nonce >>> 8), (byte) nonce};
    byte[] sealed = LegacyZeroIvAesGcm.create(moduleKey).encrypt(n, n);
    return ByteBuffer.allocate(2 + sealed.length).put(n).put(sealed).array();
  }
}
