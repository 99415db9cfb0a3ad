package dev.aex.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of byte arrays, without the checked exception every JDK makes impossible. */
public final class Sha256 {
  private Sha256() {}

  /** SHA-256 of the concatenation of {@code parts}, 32 bytes. */
  public static byte[] of(byte[]... parts) {
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** A fresh SHA-256 digest, for input that comes in pieces. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JDK (every JDK has it)", e);
    }
  }
}
