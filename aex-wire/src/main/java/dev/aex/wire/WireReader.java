package dev.aex.wire;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads frames from a connection, with bounded memory and bounded time.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Every length field is checked against {@link ReadLimits} before anything of that size is
 *       allocated; a length above the limit gives {@link FrameTooLongException}. Within the limit,
 *       memory grows only with the bytes that actually arrive.
 *   <li>Each {@code read…} method returns {@link Optional#empty()} if the peer closed the
 *       connection cleanly before the first byte of a frame, and throws {@link
 *       TruncatedFrameException} if it closed inside one.
 *   <li>For a reader made with {@link #of(Socket, Duration)}, each frame must arrive in full within
 *       the timeout, counted from the call; otherwise {@link WireTimeoutException}. A reader made
 *       from a plain stream has no deadline of its own but still reports a {@code
 *       SocketTimeoutException} from the stream as {@link WireTimeoutException}.
 * </ul>
 *
 * <p>Not guaranteed: thread safety, or a position usable after an exception (close the connection).
 * A socket reader buffers, so use one reader per connection.
 */
public final class WireReader {
  private final InputStream in;
  private final Optional<Transport> transport;
  private final Duration timeout;
  private final ReadLimits limits;

  private WireReader(
      InputStream in, Optional<Transport> transport, Duration timeout, ReadLimits limits) {
    this.in = in;
    this.transport = transport;
    this.timeout = timeout;
    this.limits = limits;
  }

  /** Reads from {@code in} as is, with {@link ReadLimits#DEFAULT}. */
  public static WireReader of(InputStream in) {
    return new WireReader(
        Objects.requireNonNull(in, "in"), Optional.empty(), Duration.ZERO, ReadLimits.DEFAULT);
  }

  /**
   * Reads from {@code socket}, allowing each frame {@code timeout} to arrive.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static WireReader of(Socket socket, Duration timeout) throws IOException {
    return of(socket, timeout, () -> {});
  }

  /**
   * As {@link #of(Socket, Duration)}, for a server that answers what it reads: {@code beforeWait}
   * is flushed whenever the reader has to wait for more bytes (see {@link SocketInput}).
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static WireReader of(Socket socket, Duration timeout, Flushable beforeWait)
      throws IOException {
    return of(Transport.of(socket), timeout, beforeWait);
  }

  /**
   * As {@link #of(Socket, Duration, Flushable)}, from a TCP socket or a {@link LocalTransport}.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static WireReader of(Transport transport, Duration timeout, Flushable beforeWait)
      throws IOException {
    return of(new SocketInput(transport.input(), beforeWait), transport, timeout);
  }

  /**
   * Reads from {@code in}, a buffered view of {@code transport}'s input that the caller also peeks
   * at, allowing each frame {@code timeout} to arrive: a peer that trickles a frame byte by byte,
   * each just before the read timeout, cannot hold the reader longer.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static WireReader of(InputStream in, Transport transport, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    return new WireReader(Objects.requireNonNull(in, "in"), Optional.of(transport), timeout,
        ReadLimits.DEFAULT);
  }

  /**
   * Whether the next frame has already (partly) arrived, without a system call. False for readers
   * not made from a socket.
   */
  public boolean hasBufferedInput() {
    return in instanceof SocketInput buffered && buffered.hasBuffered();
  }

  /** The same source with other limits. */
  public WireReader withLimits(ReadLimits limits) {
    return new WireReader(in, transport, timeout, Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Reads a command as an event manager of the given node type receives it: Load in that node's
   * framing (§1.3), everything else as a {@link CommandMessage}.
   */
  public Optional<Command> readCommand(LoadFormat loadFormat) throws IOException {
    FrameInput frame = frame();
    int first = frame.describe("CommandMessage", "").firstByteOrEnd("code");
    if (first < 0) {
      return Optional.empty();
    }
    CommandCode code = CommandCode.fromByte((byte) first);
    return Optional.of(
        code == CommandCode.LOAD
            ? LoadReading.readAfterCode(frame, loadFormat, limits)
            : CommandMessage.readAfterCode(frame, code, limits));
  }

  /** Reads a command with u16 framing whatever its code (Load as Sancus sends it). */
  public Optional<CommandMessage> readCommandMessage() throws IOException {
    return CommandMessage.read(frame(), limits);
  }

  public Optional<ResultMessage> readResult() throws IOException {
    return ResultMessage.read(frame(), limits);
  }

  public Optional<Message> readMessage() throws IOException {
    return Message.read(frame(), limits);
  }

  private FrameInput frame() {
    Deadline deadline = transport.map(t -> Deadline.start(t, timeout)).orElse(Deadline.none());
    return FrameInput.of(in, deadline);
  }
}
