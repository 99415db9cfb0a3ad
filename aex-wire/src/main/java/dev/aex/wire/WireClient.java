package dev.aex.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A blocking client for the one-command-per-connection pattern of protocol.md §1.1: connect, write
 * one command, optionally read one reply, close.
 *
 * <p>Guarantees: the connection is always closed before a method returns; connecting and reading
 * each take at most {@code timeout} ({@link WireTimeoutException} otherwise), and a write fails
 * once the peer has taken nothing for {@code timeout} ({@link BoundedWrites}). Instances are
 * immutable and thread-safe.
 */
public final class WireClient {
  private final InetSocketAddress address;
  private final Duration timeout;
  private final ReadLimits limits;

  private WireClient(InetSocketAddress address, Duration timeout, ReadLimits limits) {
    this.address = address;
    this.timeout = timeout;
    this.limits = limits;
  }

  /**
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static WireClient to(InetSocketAddress address, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    return new WireClient(Objects.requireNonNull(address, "address"), timeout, ReadLimits.DEFAULT);
  }

  /** The same peer, reading replies under other limits. */
  public WireClient withLimits(ReadLimits limits) {
    return new WireClient(address, timeout, Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Sends a command that gets no reply (RemoteOutput, ModuleOutput) and closes without reading,
   * which also discards a reply that a TrustZone EM sends anyway (§1.6.3).
   */
  public void send(Command command) throws IOException {
    try (Socket socket = connect()) {
      write(socket, command, timeout);
    }
  }

  /**
   * Sends a command and reads its reply; empty if the peer closed without replying (which real
   * event managers do for some commands, §1.7).
   */
  public Optional<ResultMessage> exchange(Command command) throws IOException {
    try (Socket socket = connect()) {
      write(socket, command, timeout);
      return WireReader.of(socket, timeout).withLimits(limits).readResult();
    }
  }

  /** How long connecting, each read, and a stalled write may take. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * A socket connected to the peer within the timeout ({@link WireTimeoutException} otherwise),
   * for a conversation of more than one command; the caller closes it.
   */
  public Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      return socket;
    } catch (SocketTimeoutException e) {
      socket.close();
      throw new WireTimeoutException(
          "connect to " + address + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static void write(Socket socket, Command command, Duration timeout) throws IOException {
    OutputStream out = BoundedWrites.of(socket.getOutputStream(), socket, timeout);
    command.writeTo(out);
    out.flush();
  }
}
