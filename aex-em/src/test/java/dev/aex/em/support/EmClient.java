package dev.aex.em.support;

import dev.aex.wire.Command;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * A test's connection to an event manager: raw bytes or commands out, replies in. Each read waits
 * at most a few seconds, so no test hangs on a missing reply.
 */
public final class EmClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Socket socket;
  private final WireReader reader;

  private EmClient(int port) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    this.reader = WireReader.of(socket, TIMEOUT);
  }

  public static EmClient connect(int port) {
    try {
      return new EmClient(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to the event manager on port " + port, e);
    }
  }

  /** One command on its own connection, as the original deployer sends it; its reply, if any. */
  public static Optional<ResultMessage> exchange(int port, Command command) {
    try (EmClient client = connect(port)) {
      client.send(command);
      return client.reply();
    }
  }

  /** One command without a reply (RemoteOutput): write, close. */
  public static void send(int port, Command command) {
    try (EmClient client = connect(port)) {
      client.send(command);
    }
  }

  public EmClient send(Command command) {
    return sendRaw(command.encode().toByteArray());
  }

  public EmClient sendRaw(byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one byte at a time, flushing each, as the slowest network would deliver them. */
  public EmClient sendByteByByte(byte[] bytes) {
    for (byte b : bytes) {
      sendRaw(new byte[] {b});
    }
    return this;
  }

  /** No more bytes from this side; the event manager sees end of stream. */
  public EmClient shutdownOutput() {
    try {
      socket.shutdownOutput();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next reply; empty if the event manager closed the connection instead. */
  public Optional<ResultMessage> reply() {
    try {
      return reader.readResult();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True once the event manager has closed its side (read returns end of stream). */
  public boolean closedByPeer(Duration within) {
    try {
      socket.setSoTimeout((int) within.toMillis());
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset counts as closed
    }
  }

  /** Closes the connection; the event manager sees end of stream. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already broken: closed either way.
    }
  }
}
