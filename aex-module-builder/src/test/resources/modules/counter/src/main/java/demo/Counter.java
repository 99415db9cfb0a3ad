package demo;

import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import java.nio.ByteBuffer;

/** Counts the events it gets, passes each on, and answers requests with the count. */
@Module
public final class Counter {
  @Output OutputPort counted;

  private int count;

  @Input
  void increment(byte[] data) {
    count++;
    counted.send(data);
  }

  @Handler
  byte[] getCount(byte[] request) {
    return ByteBuffer.allocate(4).putInt(count).array();
  }

  @Entry
  EntryResult reset(byte[] args) {
    count = 0;
    return EntryResult.ok(Greeting.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
