import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import java.nio.ByteBuffer;

/**
 * The CLI tests' module: counts increments, answers get_count and the entry peek with the count,
 * and hands its count to a new instance on update (save emits it on transfer_out; restore takes
 * it in).
 */
@Module("counter")
public final class Counter {
  @Output OutputPort transferOut;

  private int count;

  @Input
  void increment(byte[] data) {
    count++;
  }

  @Input
  void restore(byte[] data) {
    count = ByteBuffer.wrap(data).getInt();
  }

  @Handler
  byte[] getCount(byte[] request) {
    return ByteBuffer.allocate(4).putInt(count).array();
  }

  @Entry
  EntryResult peek(byte[] args) {
    return EntryResult.ok(ByteBuffer.allocate(4).putInt(count).array());
  }

  @Entry
  EntryResult save(byte[] args) {
    transferOut.send(ByteBuffer.allocate(4).putInt(count).array());
    return EntryResult.ok(new byte[0]);
  }
}
