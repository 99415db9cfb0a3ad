package dev.aex.em.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** A test's listener on 127.0.0.1: each accepted connection goes to the handler on a virtual thread. */
public final class LoopbackServer implements AutoCloseable {
  private final ServerSocket server;
  private final Consumer<Socket> handler;

  /** Listens on {@code port} (0: any free one). */
  public LoopbackServer(int port, String name, Consumer<Socket> handler) {
    this.handler = handler;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException(name + " cannot listen on port " + port, e);
    }
    Thread.ofPlatform().daemon(true).name(name).start(this::acceptUntilClosed);
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void acceptUntilClosed() {
    try {
      while (true) {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> handler.accept(socket));
      }
    } catch (IOException closed) {
      // close() was called: stop accepting.
    }
  }

  /** Stops accepting; connections already accepted end on their own. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Nothing a test could do about a listener that fails to close; the JVM ends soon.
    }
  }
}
