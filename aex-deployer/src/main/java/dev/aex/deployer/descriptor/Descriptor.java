package dev.aex.deployer.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * A deployment descriptor, or the result descriptor that deploy and later commands write: the same
 * schema, more fields filled in (deployer-reference.md §2, §3).
 *
 * <p>Guarantees: immutable; the lists keep descriptor order, which matters (module ids are
 * allocated per node in that order, connection and event ids in list order). Not guaranteed by the
 * record itself: that names are unique and references resolve. {@link DescriptorReader} checks
 * that for descriptors it reads.
 *
 * @param manager the {@code manager} entry, if any
 * @param nodes the nodes
 * @param modules the modules
 * @param connectionsCurrentId the next connection id to allocate ({@code connections_current_id})
 * @param connections the connections
 * @param eventsCurrentId the next periodic event id to allocate ({@code events_current_id})
 * @param periodicEvents the periodic events ({@code periodic-events})
 */
public record Descriptor(Optional<Manager> manager, List<Node> nodes, List<Module> modules,
    int connectionsCurrentId, List<Connection> connections, int eventsCurrentId,
    List<PeriodicEvent> periodicEvents) {
  public Descriptor {
    Checks.nonNull(manager);
    nodes = List.copyOf(nodes);
    modules = List.copyOf(modules);
    Checks.counter("connections_current_id", connectionsCurrentId, 0);
    connections = List.copyOf(connections);
    Checks.range("events_current_id", eventsCurrentId, 0, Integer.MAX_VALUE);
    periodicEvents = List.copyOf(periodicEvents);
  }

  /** The node called {@code name}. */
  public Optional<Node> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The module called {@code name}. */
  public Optional<Module> module(String name) {
    return modules.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The connection called {@code name} (assigned names included). */
  public Optional<Connection> connection(String name) {
    return connections.stream().filter(c -> c.name().equals(Optional.of(name))).findFirst();
  }

  /** This descriptor with other nodes. */
  public Descriptor withNodes(List<Node> value) {
    return new Descriptor(manager, value, modules, connectionsCurrentId, connections,
        eventsCurrentId, periodicEvents);
  }

  /** This descriptor with other modules. */
  public Descriptor withModules(List<Module> value) {
    return new Descriptor(manager, nodes, value, connectionsCurrentId, connections,
        eventsCurrentId, periodicEvents);
  }

  /** This descriptor with other connections and next connection id. */
  public Descriptor withConnections(List<Connection> value, int nextId) {
    return new Descriptor(manager, nodes, modules, nextId, value, eventsCurrentId, periodicEvents);
  }

  /** This descriptor with other periodic events and next event id. */
  public Descriptor withPeriodicEvents(List<PeriodicEvent> value, int nextId) {
    return new Descriptor(manager, nodes, modules, connectionsCurrentId, connections, nextId, value);
  }
}
