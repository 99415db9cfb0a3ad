package dev.aex.testkit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;

/**
 * Serves bytes in small pieces, as a slow or fragmenting network does: one byte per read, or
 * pieces of random size. Decoders must give the same result as with a whole buffer.
 */
public final class FragmentedInputStream extends InputStream {
  private final ByteArrayInputStream in;
  private final Random random;
  private final int maxPiece;

  private FragmentedInputStream(byte[] data, Random random, int maxPiece) {
    this.in = new ByteArrayInputStream(data);
    this.random = random;
    this.maxPiece = maxPiece;
  }

  /** One byte per {@code read(byte[], int, int)} call. */
  public static InputStream oneByteAtATime(byte[] data) {
    return new FragmentedInputStream(data, new Random(0), 1);
  }

  /** Pieces of 1 to 7 bytes, from a seeded generator so failures repeat. */
  public static InputStream randomPieces(byte[] data, long seed) {
    return new FragmentedInputStream(data, new Random(seed), 7);
  }

  @Override
  public int read() {
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int piece = maxPiece == 1 ? 1 : 1 + random.nextInt(maxPiece);
    return in.read(b, off, Math.min(len, piece));
  }
}
