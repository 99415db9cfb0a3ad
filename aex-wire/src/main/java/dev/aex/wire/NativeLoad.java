package dev.aex.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Load for a native node (protocol.md §1.6.4), with no u16 length:
 *
 * <pre>
 * [code=3:1][exe_len:4 BE][exe:exe_len]
 * </pre>
 *
 * The module id is compiled into the executable; the event manager does not receive it.
 */
public record NativeLoad(Bytes executable) implements LoadMessage {
  public NativeLoad {
    Objects.requireNonNull(executable, "executable");
  }

  /**
   * Whether the executable is something the kernel runs by itself: an ELF image (the original's
   * modules) or a script with a {@code #!} line (aex's self-executing jars). Anything else would
   * be handed to {@code /bin/sh}, which may do anything with arbitrary bytes.
   */
  public boolean runnable() {
    return startsWith(0x7f, 'E', 'L', 'F') || startsWith('#', '!');
  }

  private boolean startsWith(int... prefix) {
    if (executable.size() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (executable.get(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public LoadFormat format() {
    return LoadFormat.NATIVE;
  }

  @Override
  public Bytes encode() {
    ByteBuffer frame = ByteBuffer.allocate(5 + executable.size());
    frame.put((byte) CommandCode.LOAD.value()).putInt(executable.size()).put(executable.array());
    return Bytes.wrap(frame.array());
  }

  static NativeLoad readAfterCode(FrameInput in, long max) throws IOException {
    in.describe("NativeLoad", "");
    return new NativeLoad(in.body(in.u32("exe_len"), max, "exe"));
  }
}
