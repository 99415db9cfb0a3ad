package dev.aex.crypto;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where two secrets first differ. */
public final class ConstantTime {
  private ConstantTime() {}

  /**
   * True when both arrays have the same length and contents. The time depends only on the
   * lengths ({@link MessageDigest#isEqual} is specified to be constant-time since JDK 6u17).
   */
  public static boolean equals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
