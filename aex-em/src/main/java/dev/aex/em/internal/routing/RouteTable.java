package dev.aex.em.internal.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The connection table of this node: conn_id → route (insert or replace, §1.6.1). Thread-safe. */
public final class RouteTable {
  private final Map<Integer, Route> routes = new ConcurrentHashMap<>();

  public void put(Route route) {
    routes.put(route.connId(), route);
  }

  public Optional<Route> get(int connId) {
    return Optional.ofNullable(routes.get(connId));
  }

  public void clear() {
    routes.clear();
  }

  public int size() {
    return routes.size();
  }
}
