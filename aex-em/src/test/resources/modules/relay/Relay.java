package emtest;

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
 * The event manager tests' module: it passes every event on and counts it, answers its handler
 * with that count, asks another module's handler when told to, counts periodic ticks, and can
 * emit a burst of events or exit on command. Its ids come from its manifest, not from this order.
 */
@Module
public final class Relay {
  @Request RequestPort lookup;
  @Output OutputPort relayed;
  private int received;
  private int ticks;

  /** {@code [events:4][ticks:4]}, readable without keys. */
  @Entry
  EntryResult stats(byte[] args) {
    return EntryResult.ok(ByteBuffer.allocate(8).putInt(received).putInt(ticks).array());
  }

  @Input
  void event(byte[] data) {
    relayed.send(data);
    received++;
  }

  @Entry
  EntryResult tick(byte[] args) {
    ticks++;
    return EntryResult.ok(new byte[0]);
  }

  @Handler
  byte[] count(byte[] request) {
    return ByteBuffer.allocate(4).putInt(received).array();
  }

  /** The answer of the handler behind {@code lookup}; GenericError (and a line on stderr) if none. */
  @Entry
  EntryResult ask(byte[] question) {
    byte[] answer;
    try {
      answer = lookup.call(question);
    } catch (RequestFailedException e) {
      System.err.println("relay: request failed: " + e.getMessage());
      return EntryResult.failure(ResultCode.GENERIC_ERROR);
    }
    return EntryResult.ok(answer);
  }

  /** Sends {@code BE32(n)} events as fast as it can, each carrying its number. */
  @Entry
  EntryResult burst(byte[] args) {
    int n = ByteBuffer.wrap(args).getInt();
    for (int i = 0; i < n; i++) {
      relayed.send(ByteBuffer.allocate(4).putInt(i).array());
    }
    return EntryResult.ok(new byte[0]);
  }

  /** Ends the process at once with status {@code args[0]}, as a crash would. */
  @Entry
  EntryResult exit(byte[] args) {
    System.err.println("relay: exiting with status " + args[0] + " on request");
    Runtime.getRuntime().halt(args[0]);
    return EntryResult.ok(new byte[0]);
  }
}
