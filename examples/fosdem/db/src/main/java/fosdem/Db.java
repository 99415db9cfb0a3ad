package fosdem;

import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import java.nio.ByteBuffer;

/**
 * Counts the button presses. The module is not concurrent, so the runtime runs one event at a
 * time and the counter needs no lock.
 */
@Module
public final class Db {
  private int presses;

  @Input
  void incrementPresses(byte[] data) {
    presses++;
  }

  /** The number of presses as a big-endian u32, as the original's {@code u32::to_be_bytes}. */
  @Handler
  byte[] getPresses(byte[] request) {
    return ByteBuffer.allocate(4).putInt(presses).array();
  }
}
