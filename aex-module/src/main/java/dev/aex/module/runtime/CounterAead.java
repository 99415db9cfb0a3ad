package dev.aex.module.runtime;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.spongent.SpongeWrap;
import dev.aex.crypto.spongent.SpongentVariant;

/**
 * The nonce-less AEAD of an original suite, whose freshness comes only from the counter in the
 * associated data (protocol.md §4.8). The output is {@code ciphertext ‖ tag}.
 */
interface CounterAead {
  byte[] seal(byte[] associatedData, byte[] plaintext);

  byte[] open(byte[] associatedData, byte[] sealed) throws AuthenticationFailedException;

  /** Encryption type 0: AES-GCM with the all-zero IV, insecure (SECURITY.md §2). */
  static CounterAead legacyAes(SymmetricKey key) {
    LegacyZeroIvAesGcm aes = LegacyZeroIvAesGcm.create(key);
    return new CounterAead() {
      @Override
      public byte[] seal(byte[] associatedData, byte[] plaintext) {
        return aes.encrypt(associatedData, plaintext);
      }

      @Override
      public byte[] open(byte[] associatedData, byte[] sealed)
          throws AuthenticationFailedException {
        return aes.decrypt(associatedData, sealed);
      }
    };
  }

  /** Encryption type 1: SpongeWrap over SPONGENT-128 (protocol.md §5.2). */
  static CounterAead spongent(SymmetricKey key) {
    SpongeWrap wrap = SpongeWrap.create(SpongentVariant.SPONGENT_128, key);
    return new CounterAead() {
      @Override
      public byte[] seal(byte[] associatedData, byte[] plaintext) {
        return wrap.wrap(associatedData, plaintext);
      }

      @Override
      public byte[] open(byte[] associatedData, byte[] sealed)
          throws AuthenticationFailedException {
        return wrap.unwrap(associatedData, sealed);
      }
    };
  }
}
