package dbwebserver;

import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import java.nio.ByteBuffer;

/**
 * Counts the web server's requests. Not concurrent: the runtime runs one event at a time, so the
 * counter needs no lock.
 */
@Module
public final class Db {
  private int requests;

  @Input
  void incrementRequests(byte[] data) {
    requests++;
  }

  /** The number of requests as a big-endian u32. */
  @Handler
  byte[] getNumRequests(byte[] request) {
    return ByteBuffer.allocate(4).putInt(requests).array();
  }
}
