package bench;

import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/** The module the harnesses measure: counts its events, answers the count, echoes an entry. */
@Module(concurrent = true)
public final class Sink {
  private final AtomicInteger count = new AtomicInteger();

  @Input
  void event(byte[] data) {
    count.incrementAndGet();
  }

  @Handler
  byte[] count(byte[] request) {
    return ByteBuffer.allocate(4).putInt(count.get()).array();
  }

  @Entry
  EntryResult ping(byte[] args) {
    return EntryResult.ok(args);
  }
}
