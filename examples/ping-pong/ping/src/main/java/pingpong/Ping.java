package pingpong;

import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import dev.aex.wire.ResultCode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Starts a round trip: {@code start} sends a ping of the given size, and the pong comes back
 * through the gateway to {@code recv_pong}. The module is not concurrent, so the fields are only
 * ever touched by one event at a time.
 */
@Module
public final class Ping {
  private static final Logger LOG = System.getLogger("ping");

  @Output OutputPort sendPing;

  private long startedAt;
  private int pongs;

  /**
   * Sends a ping of {@code size} zero bytes, the size being a little-endian u16 as in the original
   * ({@code --arg 0800} is 8 bytes).
   */
  @Entry
  EntryResult start(byte[] args) {
    if (args.length != 2) {
      LOG.log(Level.ERROR, "start needs 2 bytes (the ping size, little-endian), got " + args.length);
      return EntryResult.failure(ResultCode.ILLEGAL_PAYLOAD);
    }
    int size = ByteBuffer.wrap(args).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
    LOG.log(Level.INFO, "starting ping-pong with data size: " + size);
    startedAt = System.nanoTime();
    sendPing.send(new byte[size]);
    return EntryResult.ok();
  }

  @Input
  void recvPong(byte[] data) {
    pongs++;
    long micros = (System.nanoTime() - startedAt) / 1000;
    LOG.log(Level.INFO, "received pong of " + data.length + " bytes after " + micros + " us");
  }

  /**
   * The number of pongs received so far, a big-endian u32 (not in the original, which only logs
   * them): lets {@code aex call} show that the round trip completed.
   */
  @Entry
  EntryResult pongs(byte[] args) {
    return EntryResult.ok(ByteBuffer.allocate(4).putInt(pongs).array());
  }
}
