package dev.aex.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A real TCP pair on 127.0.0.1 with an ephemeral port, for tests that need socket timeouts. Every
 * socket and thread it opens is closed by {@link #close()}.
 */
final class Loopback implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService peers = Executors.newCachedThreadPool();

  Loopback() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    server.setSoTimeout(5_000);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  ServerSocket server() {
    return server;
  }

  /** Connects a client that writes {@code bytes}, then waits {@code stallMillis} before closing. */
  Socket acceptFromClientWriting(byte[] bytes, long stallMillis) throws IOException {
    peers.submit(
        () -> {
          try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
            OutputStream out = client.getOutputStream();
            out.write(bytes);
            out.flush();
            Thread.sleep(stallMillis);
          }
          return null;
        });
    return server.accept();
  }

  /** Runs a fake peer in the background. */
  <T> Future<T> serve(Callable<T> peer) {
    return peers.submit(peer);
  }

  /** Accepts one connection in the background and hands it to {@code server}, then closes it. */
  <T> Future<T> serveOne(Server<T> server) {
    return serve(
        () -> {
          try (Socket accepted = this.server.accept()) {
            return server.handle(accepted);
          }
        });
  }

  /** The server side of one connection. */
  @FunctionalInterface
  interface Server<T> {
    T handle(Socket socket) throws Exception;
  }

  @Override
  public void close() throws Exception {
    peers.shutdownNow();
    server.close();
    peers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
