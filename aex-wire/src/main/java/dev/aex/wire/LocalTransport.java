package dev.aex.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Unix domain socket between an event manager and a module of its node (aex-em/README.md,
 * "Module connections"): the same frames as on the module's TCP port, at a fraction of the
 * kernel's cost per message. Reads block in one system call; a read timeout is kept by a watchdog
 * thread, which shuts the input of a read that overstays it. Writes are {@link BoundedWrites}.
 */
public final class LocalTransport implements Transport {
  /**
   * The environment variable in which an aex event manager names the folder where the native
   * modules it starts listen ({@link #fileFor}) besides their TCP port.
   */
  public static final String FOLDER_VARIABLE = "AEX_ENTRY_SOCKETS";

  private final SocketChannel channel;
  private final GuardedInput input;
  private final OutputStream output;

  private LocalTransport(SocketChannel channel) {
    this.channel = channel;
    this.input = new GuardedInput((b, off, len) -> channel.read(ByteBuffer.wrap(b, off, len)),
        channel::shutdownInput);
    this.output = BoundedWrites.of(Channels.newOutputStream(channel), channel, BoundedWrites.STALL);
  }

  /**
   * Connects to the socket file {@code path}, at once or not at all.
   *
   * @throws IOException if nothing listens there (no file, or a stale one), or its listener has
   *     not accepted the connections already waiting (a stopped module)
   */
  public static LocalTransport connect(Path path) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      // Non-blocking, a Unix socket connects at once or fails (EAGAIN) when the listener's queue
      // is full; a blocking connect would wait for that listener for ever.
      channel.configureBlocking(false);
      if (!channel.connect(UnixDomainSocketAddress.of(path))) {
        throw new IOException("connecting to " + path + " did not complete at once");
      }
      channel.configureBlocking(true);
      return new LocalTransport(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The socket file of the module listening on {@code port}, in its event manager's folder. */
  public static Path fileFor(Path folder, int port) {
    return folder.resolve(port + ".sock");
  }

  /** A connection {@link #listen}'s server accepted. */
  public static LocalTransport accepted(SocketChannel channel) {
    return new LocalTransport(channel);
  }

  /**
   * Binds the socket file {@code path}, replacing a file left by a process that died before
   * removing its own.
   */
  public static ServerSocketChannel listen(Path path) throws IOException {
    Files.deleteIfExists(path);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(path));
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void setReadTimeout(int millis) {
    input.setTimeout(millis);
  }

  @Override
  public String peer() {
    return "local socket";
  }

  @Override
  public void close() throws IOException {
    input.release();
    channel.close();
  }
}
