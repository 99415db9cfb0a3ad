package dev.aex.em.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Another node's event manager as a recorder: every connection's bytes, up to its end, as hex.
 * It never answers (events between event managers have no reply).
 */
public final class RawRecorder implements AutoCloseable {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final LoopbackServer server = new LoopbackServer(0, "raw-recorder", this::record);

  public InetSocketAddress address() {
    return server.address();
  }

  /** The bytes of the next connection, in hex; fails after a while. */
  public String next() {
    try {
      String hex = received.poll(20, TimeUnit.SECONDS);
      if (hex == null) {
        throw new AssertionError("recorder: no connection within 20 s");
      }
      return hex;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private void record(Socket socket) {
    try (socket) {
      socket.setSoTimeout(20_000);
      received.add(HexFormat.of().formatHex(socket.getInputStream().readAllBytes()));
    } catch (IOException e) {
      received.add("error: " + e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
