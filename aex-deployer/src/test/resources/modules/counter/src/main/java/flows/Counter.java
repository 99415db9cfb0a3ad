package flows;

import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import dev.aex.wire.ResultCode;
import java.nio.ByteBuffer;

/**
 * The deployer tests' module: counts its increments, passes each on through {@code counted},
 * answers {@code get_count} with the count, and moves its count to a new instance on update
 * ({@code save} emits it through {@code transfer_out}; {@code restore} takes it in); a periodic
 * {@code tick} counts too. {@code save} refuses a count of 0 (GenericError): the failed-transfer
 * test uses it.
 */
@Module("counter")
public final class Counter {
  @Output OutputPort counted;
  @Output OutputPort transferOut;

  private int count;

  @Input
  void increment(byte[] data) {
    count++;
    counted.send(data);
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
  EntryResult tick(byte[] args) {
    count++;
    return EntryResult.ok(new byte[0]);
  }

  @Entry
  EntryResult save(byte[] args) {
    if (count == 0) {
      return EntryResult.failure(ResultCode.GENERIC_ERROR);
    }
    transferOut.send(ByteBuffer.allocate(4).putInt(count).array());
    return EntryResult.ok(new byte[0]);
  }
}
