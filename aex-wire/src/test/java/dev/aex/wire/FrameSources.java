package dev.aex.wire;

import dev.aex.testkit.FragmentedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * The ways a test feeds the same bytes to a stream reader: whole, one byte per read, and random
 * pieces under three seeds. A decoder must give the same result for each.
 */
final class FrameSources {
  private FrameSources() {}

  static List<Named<Function<byte[], InputStream>>> all() {
    return List.of(
        Named.of("whole", ByteArrayInputStream::new),
        Named.of("one byte at a time", FragmentedInputStream::oneByteAtATime),
        Named.of("random pieces 1", b -> FragmentedInputStream.randomPieces(b, 1)),
        Named.of("random pieces 2", b -> FragmentedInputStream.randomPieces(b, 2)),
        Named.of("random pieces 3", b -> FragmentedInputStream.randomPieces(b, 3)));
  }
}
