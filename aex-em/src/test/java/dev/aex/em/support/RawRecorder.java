package dev.aex.em.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another node's event manager as a recorder: every connection's bytes, up to its end, as hex.
 * It never answers (events between event managers have no reply), except that, like an original
 * SGX/native event manager, it answers the aex hello (an unknown code to it) with IllegalCommand
 * and closes; such connections are counted, not recorded.
 */
public final class RawRecorder implements AutoCloseable {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final AtomicInteger hellos = new AtomicInteger();
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

  /** Connections that began with the aex hello (answered IllegalCommand). */
  public int hellos() {
    return hellos.get();
  }

  private void record(Socket socket) {
    try (socket) {
      socket.setSoTimeout(20_000);
      InputStream in = socket.getInputStream();
      int first = in.read();
      if (first == 0xAE) {
        hellos.incrementAndGet();
        socket.getOutputStream().write(new byte[] {1, 0, 0});
        return;
      }
      byte[] rest = in.readAllBytes();
      byte[] all = new byte[first < 0 ? 0 : 1 + rest.length];
      if (first >= 0) {
        all[0] = (byte) first;
        System.arraycopy(rest, 0, all, 1, rest.length);
      }
      received.add(HexFormat.of().formatHex(all));
    } catch (IOException e) {
      received.add("error: " + e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
