package dev.aex.em.internal.server;

import dev.aex.wire.Command;
import dev.aex.wire.LoadFormat;
import dev.aex.wire.ReadLimits;
import dev.aex.wire.WireReader;
import dev.aex.wire.Bytes;
import dev.aex.wire.SocketInput;
import dev.aex.wire.Transport;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.Flushable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The commands arriving on one client connection. One buffer lives as long as the connection, so
 * a client may send several commands back to back without any being lost between reads.
 */
final class CommandInput {
  private final Transport transport;
  private final SocketInput in;
  private final LoadFormat loadFormat;
  private final ReadLimits limits;

  /**
   * {@code loadFormat}: how this node frames Load; {@code beforeWait}: the replies so far, flushed
   * whenever the next bytes must be waited for.
   */
  CommandInput(Transport transport, ReadLimits limits, LoadFormat loadFormat, Flushable beforeWait)
      throws IOException {
    this.transport = transport;
    this.loadFormat = loadFormat;
    this.in = new SocketInput(transport.input(), beforeWait);
    this.limits = limits;
  }

  /** Whether the next command has already (partly) arrived; no system call. */
  boolean hasBuffered() {
    return in.hasBuffered();
  }

  /**
   * The code byte of the next command, without consuming it; empty if the client closed.
   *
   * @throws SocketTimeoutException if nothing arrives within {@code idle}
   */
  OptionalInt peekCode(Duration idle) throws IOException {
    transport.setReadTimeoutNanos(idle.toNanos());
    in.mark(1);
    int code = in.read();
    in.reset();
    return code < 0 ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /**
   * Reads the peeked frame {@code [code:1][len:2][payload]} if its length is {@code length} and it
   * arrives whole within {@code deadline}; empty otherwise, and then the position in the stream is
   * lost. For commands outside the original protocol, whose reader does not know them.
   */
  Optional<Bytes> readExact(int length, Duration deadline) throws IOException {
    DataInputStream data = new DataInputStream(
        new DeadlineStream(in, transport, System.nanoTime() + deadline.toNanos()));
    try {
      data.readUnsignedByte();
      if (data.readUnsignedShort() != length) {
        return Optional.empty();
      }
      byte[] payload = new byte[length];
      data.readFully(payload);
      return Optional.of(Bytes.of(payload));
    } catch (SocketTimeoutException | EOFException e) {
      return Optional.empty();
    }
  }

  /** Reads the command whose code was peeked; it must arrive whole within {@code deadline}. */
  Optional<Command> read(Duration deadline) throws IOException {
    DeadlineStream timed = new DeadlineStream(in, transport, System.nanoTime() + deadline.toNanos());
    return WireReader.of(timed).withLimits(limits).readCommand(loadFormat);
  }
}
