package dev.aex.deployer.descriptor;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Deterministic {@link SecureRandom}s for tests: SHA1PRNG seeded before its first use. */
final class Seeded {
  private Seeded() {}

  static SecureRandom random(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(ByteBuffer.allocate(8).putLong(seed).array());
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA1PRNG", e);
    }
  }
}
