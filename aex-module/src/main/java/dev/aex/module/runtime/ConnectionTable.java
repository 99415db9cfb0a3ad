package dev.aex.module.runtime;

import dev.aex.wire.payload.IoKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module's connections (protocol.md §4.1): conn_id → connection, output id → its connections
 * (fan-out, in conn_id order), request id → its connection (the last set_key wins).
 *
 * <p>Unlike the original, re-keying a conn_id removes it from the output set or request slot it
 * had before, so an output never sends on a connection that now serves another endpoint.
 * Lookups are lock-free; changes and fan-out snapshots are serialised.
 */
final class ConnectionTable {
  private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();
  private final Map<Integer, Set<Integer>> outputs = new HashMap<>(); // guarded by this
  private final Map<Integer, Integer> requests = new HashMap<>(); // guarded by this

  synchronized void put(Connection connection) {
    Connection previous = connections.put(connection.connId(), connection);
    if (previous != null) {
      forget(previous);
    }
    switch (connection.kind()) {
      case OUTPUT ->
          outputs.computeIfAbsent(connection.ioId(), id -> new TreeSet<>()).add(connection.connId());
      case REQUEST -> requests.put(connection.ioId(), connection.connId());
      case INPUT, HANDLER -> {}
    }
  }

  Optional<Connection> get(int connId) {
    return Optional.ofNullable(connections.get(connId));
  }

  /** The connections of an output at this moment, in conn_id order. */
  synchronized List<Connection> outputConnections(int outputId) {
    return outputs.getOrDefault(outputId, Set.of()).stream().map(connections::get).toList();
  }

  synchronized Optional<Connection> requestConnection(int requestId) {
    return Optional.ofNullable(requests.get(requestId)).map(connections::get);
  }

  /** Drops every connection (disable); returns how many there were. */
  synchronized int clear() {
    int count = connections.size();
    connections.clear();
    outputs.clear();
    requests.clear();
    return count;
  }

  private void forget(Connection previous) {
    if (previous.kind() == IoKind.OUTPUT) {
      Set<Integer> set = outputs.get(previous.ioId());
      set.remove(previous.connId());
      if (set.isEmpty()) {
        outputs.remove(previous.ioId());
      }
    } else if (previous.kind() == IoKind.REQUEST) {
      requests.remove(previous.ioId(), previous.connId());
    }
  }
}
