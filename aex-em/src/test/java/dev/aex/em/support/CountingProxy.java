package dev.aex.em.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 in front of another event manager: counts the connections it
 * accepts, and can cut every open one at once (a broken network path, while both ends live on).
 */
public final class CountingProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final AtomicInteger accepted = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final LoopbackServer server;

  public CountingProxy(InetSocketAddress target) {
    this.target = target;
    this.server = new LoopbackServer(0, "counting-proxy", this::forward);
  }

  public InetSocketAddress address() {
    return server.address();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Closes every connection open now, on both sides. */
  public void cutAll() {
    for (Socket socket : List.copyOf(open)) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already closed: that is what we wanted.
      }
    }
  }

  private void forward(Socket client) {
    accepted.incrementAndGet();
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 5_000);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    Thread.ofVirtual().start(() -> pump(upstream, client));
    pump(client, upstream);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side went away: close both below.
    } finally {
      open.remove(from);
      open.remove(to);
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing to do.
    }
  }

  @Override
  public void close() {
    server.close();
    cutAll();
  }
}
