package dev.aex.em.internal.routing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link PeerLink} per address of another event manager. */
final class PeerLinks implements AutoCloseable {
  private final Duration timeout;
  private final ConcurrentHashMap<InetSocketAddress, PeerLink> links = new ConcurrentHashMap<>();
  private volatile boolean closed;

  PeerLinks(Duration timeout) {
    this.timeout = timeout;
  }

  PeerLink of(InetSocketAddress address) {
    PeerLink link = links.computeIfAbsent(address, a -> new PeerLink(a, timeout));
    if (closed) {
      link.close(); // shutting down: nothing is kept past close
    }
    return link;
  }

  @Override
  public void close() {
    closed = true;
    links.values().forEach(PeerLink::close);
  }
}
