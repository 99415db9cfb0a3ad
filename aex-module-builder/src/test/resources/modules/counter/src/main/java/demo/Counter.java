package demo;

import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import dev.aex.module.Request;
import dev.aex.module.RequestFailedException;
import dev.aex.module.RequestPort;
import dev.aex.wire.ResultCode;
import java.nio.ByteBuffer;

/**
 * Counts the events it gets, passes each on, answers requests with the count, and asks another
 * module's handler when told to.
 */
@Module
public final class Counter {
  @Output OutputPort counted;
  @Request RequestPort lookup;

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

  @Entry
  EntryResult ask(byte[] question) {
    try {
      return EntryResult.ok(lookup.call(question));
    } catch (RequestFailedException e) {
      return EntryResult.failure(ResultCode.GENERIC_ERROR);
    }
  }

  @Entry
  EntryResult crash(byte[] args) {
    throw new IllegalStateException("crash on purpose");
  }
}
