package dev.aex.bench.e2e;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.wire.Transport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * The harness's own client of the wire protocol (protocol.md §1.2, §1.6.3, §1.6.8) and of the
 * secure suite's direct events and requests (SECURITY.md §4): no deployer internals.
 */
final class WireClient {
  static final int REMOTE_OUTPUT = 2;
  static final int REMOTE_REQUEST = 7;
  private static final int ENTRY_INPUT = 3;
  private static final int ENTRY_HANDLER = 4;
  private static final int READ_TIMEOUT_MS = 10_000;

  private WireClient() {}

  /**
   * One direct connection of the deployment: the target module's id, the connection id, and the
   * one sender of its key, continuing at the deployer's next counter. Thread-safe.
   */
  static final class Direct {
    final int toSm;
    final int connId;
    private final Sender sender;
    private final byte[] outputAd;
    private final byte[] requestAd;

    Direct(int toSm, int connId, SecureAesGcm suite, long nextCounter) {
      this.toSm = toSm;
      this.connId = connId;
      this.sender = suite.resumeSender(nextCounter);
      this.outputAd = ad(ENTRY_INPUT, connId);
      this.requestAd = ad(ENTRY_HANDLER, connId);
    }

    /** A complete RemoteOutput CommandMessage carrying {@code argument}. */
    byte[] output(byte[] argument) {
      return command(REMOTE_OUTPUT, toSm, connId, sender.seal(outputAd, argument));
    }

    /** A RemoteRequest whose reply {@link #open} authenticates. */
    Request request(byte[] argument) {
      PendingRequest pending = sender.sealRequest(requestAd, argument);
      return new Request(command(REMOTE_REQUEST, toSm, connId, pending.frame()), pending);
    }

    byte[] open(Request request, byte[] replyFrame) throws AuthenticationFailedException {
      return request.pending.openReply(requestAd, replyFrame);
    }
  }

  record Request(byte[] bytes, PendingRequest pending) {}

  record Result(int code, byte[] payload) {}

  private static byte[] ad(int entry, int connId) {
    return ByteBuffer.allocate(4).putShort((short) entry).putShort((short) connId).array();
  }

  /** {@code [code:1][len:2][to_sm:2][conn_id:2][frame]}. */
  private static byte[] command(int code, int toSm, int connId, byte[] frame) {
    int len = 4 + frame.length;
    if (len > 0xffff) {
      throw new IllegalArgumentException("payload too long: " + len);
    }
    return ByteBuffer.allocate(3 + len).put((byte) code).putShort((short) len)
        .putShort((short) toSm).putShort((short) connId).put(frame).array();
  }

  /** How a client reaches an event manager: one kept connection, or one per command. */
  interface Link extends AutoCloseable {
    void send(byte[] command) throws IOException;

    Result exchange(byte[] command) throws IOException;

    @Override
    void close() throws IOException;

    static Link to(int port, boolean kept) throws IOException {
      return kept ? new Kept(port) : new PerCommand(port);
    }
  }

  private static Socket open(int port) throws IOException {
    Socket socket = connect(port);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    return socket;
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    return socket;
  }

  private static Result read(DataInputStream in) throws IOException {
    int code = in.read();
    if (code < 0) {
      throw new EOFException("the event manager closed the connection without a reply");
    }
    int len = in.readUnsignedShort();
    byte[] payload = new byte[len];
    in.readFully(payload);
    return new Result(code, payload);
  }

  /**
   * Several commands on one connection (the aex event manager answers them in order). Its reads
   * block in one system call; the watchdog, not SO_TIMEOUT, bounds them.
   */
  static final class Kept implements Link {
    private final Transport transport;
    private final OutputStream out;
    private final DataInputStream in;

    Kept(int port) throws IOException {
      transport = Transport.watched(connect(port));
      transport.setReadTimeout(READ_TIMEOUT_MS);
      out = new BufferedOutputStream(transport.output(), 1024);
      in = new DataInputStream(new BufferedInputStream(transport.input(), 1024));
    }

    @Override
    public void send(byte[] command) throws IOException {
      out.write(command);
      out.flush();
    }

    @Override
    public Result exchange(byte[] command) throws IOException {
      send(command);
      return read(in);
    }

    @Override
    public void close() throws IOException {
      transport.close();
    }
  }

  /** One connection per command, as the original's clients do. */
  static final class PerCommand implements Link {
    private final int port;

    PerCommand(int port) {
      this.port = port;
    }

    @Override
    public void send(byte[] command) throws IOException {
      try (Socket socket = open(port)) {
        socket.getOutputStream().write(command);
        socket.shutdownOutput();
      }
    }

    @Override
    public Result exchange(byte[] command) throws IOException {
      try (Socket socket = open(port)) {
        socket.getOutputStream().write(command);
        return read(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
      }
    }

    @Override
    public void close() {}
  }
}
