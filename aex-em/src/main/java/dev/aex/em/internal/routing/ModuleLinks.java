package dev.aex.em.internal.routing;

import dev.aex.wire.LocalTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ModuleLink} of every module port in use, created on first use. Thread-safe. */
final class ModuleLinks implements AutoCloseable {
  /** Modules listen on 127.0.0.1 (§3.1.3), whatever the JVM prefers for "localhost". */
  private static final InetAddress LOOPBACK = ipv4Loopback();

  private final Map<Integer, ModuleLink> links = new ConcurrentHashMap<>();
  private final Duration timeout;
  private final int maxIdle;
  private final boolean reuse;
  private final Path socketFolder;

  /** {@code socketFolder}: where the modules this event manager starts put their socket files. */
  ModuleLinks(Duration timeout, int maxIdle, boolean reuse, Path socketFolder) {
    this.timeout = timeout;
    this.socketFolder = socketFolder;
    this.maxIdle = maxIdle;
    this.reuse = reuse;
  }

  ModuleLink of(int port) {
    return links.computeIfAbsent(
        port,
        p -> new ModuleLink(new InetSocketAddress(LOOPBACK, p), LocalTransport.fileFor(socketFolder, p),
            timeout, maxIdle, reuse));
  }

  /** Drops what is known of the module at {@code port} (it died or was replaced). */
  void forget(int port) {
    ModuleLink link = links.remove(port);
    if (link != null) {
      link.close();
    }
  }

  private static InetAddress ipv4Loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError("a 4-byte address is always valid", e);
    }
  }

  @Override
  public void close() {
    links.values().forEach(ModuleLink::close);
    links.clear();
  }
}
