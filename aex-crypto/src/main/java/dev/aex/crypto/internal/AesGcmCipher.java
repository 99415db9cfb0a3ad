package dev.aex.crypto.internal;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-128-GCM operation with a caller-chosen 12-byte IV and a 16-byte tag. Internal (not
 * exported): the suites decide the IV, never their callers.
 *
 * <p>Each thread re-initialises one JCE {@link Cipher} of its own (GCM ciphers are not
 * thread-safe): looking up a fresh cipher and expanding its key cost several times the work of
 * sealing a small event (BENCHMARKS.md, crypto). The JCE refuses to encrypt twice in a row with
 * one key and IV on the same object; then {@link #seal} takes a fresh cipher, as every call did
 * before: keeping IVs unique is the suites' job (their counters), and tests that replay fixed
 * keys and counters do repeat them. The legacy suite, whose IV is always zero, encrypts on a
 * fresh cipher every time ({@link #sealWithFixedIv}).
 */
public final class AesGcmCipher {
  public static final int TAG_BYTES = 16;
  public static final int IV_BYTES = 12;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcmCipher::newCipher);

  private AesGcmCipher() {}

  public static SecretKeySpec keySpec(SymmetricKey key) {
    if (key.length() != 16) {
      throw new IllegalArgumentException(
          "AES-128-GCM key length: " + key.length() + " bytes (expected: 16)");
    }
    return new SecretKeySpec(key.revealBytes(), "AES");
  }

  /** Returns ciphertext || tag. */
  public static byte[] seal(SecretKeySpec key, byte[] iv, byte[] ad, byte[] plaintext) {
    try {
      Cipher cipher;
      try {
        cipher = init(CIPHER.get(), Cipher.ENCRYPT_MODE, key, iv, ad);
      } catch (InvalidAlgorithmParameterException e) {
        cipher = init(newCipher(), Cipher.ENCRYPT_MODE, key, iv, ad); // this key and IV just now
      }
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /** Returns ciphertext || tag, on a fresh cipher: for the legacy suite, which repeats its IV. */
  public static byte[] sealWithFixedIv(SecretKeySpec key, byte[] iv, byte[] ad, byte[] plaintext) {
    try {
      return init(newCipher(), Cipher.ENCRYPT_MODE, key, iv, ad).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /** Opens ciphertext || tag found at {@code frame[offset..]}. */
  public static byte[] open(SecretKeySpec key, byte[] iv, byte[] ad, byte[] frame, int offset)
      throws AuthenticationFailedException {
    if (frame.length - offset < TAG_BYTES) {
      throw new AuthenticationFailedException(AuthenticationFailedException.Reason.TRUNCATED);
    }
    try {
      Cipher cipher = init(CIPHER.get(), Cipher.DECRYPT_MODE, key, iv, ad);
      return cipher.doFinal(frame, offset, frame.length - offset);
    } catch (AEADBadTagException e) {
      throw new AuthenticationFailedException(AuthenticationFailedException.Reason.BAD_TAG);
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  private static Cipher init(Cipher cipher, int mode, SecretKeySpec key, byte[] iv, byte[] ad)
      throws GeneralSecurityException {
    cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
    cipher.updateAAD(ad);
    return cipher;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  private static IllegalStateException unavailable(GeneralSecurityException e) {
    return new IllegalStateException("AES-GCM is unavailable in this JDK", e);
  }
}
