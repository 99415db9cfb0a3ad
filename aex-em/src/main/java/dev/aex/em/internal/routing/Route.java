package dev.aex.em.internal.routing;

import dev.aex.wire.payload.Connect;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where the events of one connection go (protocol.md §1.6.1): to module {@code toSm}, on this node
 * if {@code local}, else on the node whose event manager listens at {@code peer}. The peer address
 * of a local route is never used (§3.1.4).
 */
public record Route(int connId, int toSm, boolean local, InetSocketAddress peer) {
  public Route {
    Objects.requireNonNull(peer, "peer");
  }

  public static Route of(Connect connect) {
    return new Route(
        connect.connId(),
        connect.toSm(),
        connect.local(),
        new InetSocketAddress(connect.toIp(), connect.toPort()));
  }

  @Override
  public String toString() {
    String target = local ? "local module " + toSm : "module " + toSm + " at " + peer;
    return "connection " + connId + " -> " + target;
  }
}
