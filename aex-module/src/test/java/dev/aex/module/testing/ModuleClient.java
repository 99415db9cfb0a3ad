package dev.aex.module.testing;

import dev.aex.wire.Bytes;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import dev.aex.wire.payload.EntryCall;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/** Talks to a module as its event manager does: a Message in, one ResultMessage back. */
public final class ModuleClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Socket socket;
  private final WireReader reader;

  private ModuleClient(Socket socket) throws IOException {
    this.socket = socket;
    this.reader = WireReader.of(socket, TIMEOUT);
  }

  /** A connection that may carry several messages (aex peers do that). */
  public static ModuleClient connect(int port) {
    try {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      return new ModuleClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One call on its own connection, as the original event manager makes it. */
  public static ResultMessage call(int port, int entryId, byte[] args) {
    try (ModuleClient client = connect(port)) {
      return client.send(entryId, args);
    }
  }

  /** Writes raw bytes on a fresh connection and reads one reply. */
  public static ResultMessage raw(int port, byte[] bytes) {
    try (ModuleClient client = connect(port)) {
      return client.sendRaw(bytes);
    }
  }

  public ResultMessage send(int entryId, byte[] args) {
    return sendRaw(new EntryCall(entryId, Bytes.of(args)).toMessage().encode().toByteArray());
  }

  public ResultMessage sendRaw(byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      return reader.readResult().orElseThrow(() -> new AssertionError("module closed, no reply"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes bytes, then half-closes, as a peer that dies mid-frame. */
  public ResultMessage sendAndShutdown(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.shutdownOutput();
      return reader.readResult().orElseThrow(() -> new AssertionError("module closed, no reply"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True once the module has closed its side. */
  public boolean closedByModule() {
    try {
      return socket.getInputStream().read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
