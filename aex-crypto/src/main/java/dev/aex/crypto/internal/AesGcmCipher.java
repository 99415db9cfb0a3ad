package dev.aex.crypto.internal;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-128-GCM operation with a caller-chosen 12-byte IV and a 16-byte tag, on a fresh JCE
 * {@link Cipher}. Internal (not exported): the suites decide the IV, never their callers.
 *
 * <p>A fresh cipher per message is deliberate: the JCE refuses to encrypt twice with one key and
 * IV on the same object, and GCM ciphers are not thread-safe, so sharing one would need a lock.
 */
public final class AesGcmCipher {
  public static final int TAG_BYTES = 16;
  public static final int IV_BYTES = 12;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

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
      Cipher cipher = init(Cipher.ENCRYPT_MODE, key, iv, ad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
    }
  }

  /** Opens ciphertext || tag found at {@code frame[offset..]}. */
  public static byte[] open(SecretKeySpec key, byte[] iv, byte[] ad, byte[] frame, int offset)
      throws AuthenticationFailedException {
    if (frame.length - offset < TAG_BYTES) {
      throw new AuthenticationFailedException(AuthenticationFailedException.Reason.TRUNCATED);
    }
    try {
      Cipher cipher = init(Cipher.DECRYPT_MODE, key, iv, ad);
      return cipher.doFinal(frame, offset, frame.length - offset);
    } catch (AEADBadTagException e) {
      throw new AuthenticationFailedException(AuthenticationFailedException.Reason.BAD_TAG);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
    }
  }

  private static Cipher init(int mode, SecretKeySpec key, byte[] iv, byte[] ad)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
    cipher.updateAAD(ad);
    return cipher;
  }
}
