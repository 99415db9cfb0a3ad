package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.Manager;
import dev.aex.deployer.descriptor.ManagerSettings;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.util.Locale;
import java.util.Optional;

/** The result descriptor as a tree, in the original's key order (deployer-reference.md §3). */
public final class ResultTrees {
  private ResultTrees() {}

  public static ObjectNode of(Descriptor d) {
    ObjectNode o = Trees.object();
    d.manager().ifPresentOrElse(m -> manager(o, m), () -> o.putNull("manager"));
    ArrayNode nodes = o.putArray("nodes");
    d.nodes().forEach(n -> nodes.add(NodeTrees.of(n)));
    ArrayNode modules = o.putArray("modules");
    d.modules().forEach(m -> modules.add(ModuleTrees.of(m)));
    o.put("connections_current_id", d.connectionsCurrentId());
    ArrayNode connections = o.putArray("connections");
    d.connections().forEach(c -> connections.add(connection(c)));
    o.put("events_current_id", d.eventsCurrentId());
    ArrayNode events = o.putArray("periodic-events");
    d.periodicEvents().forEach(e -> events.add(event(e)));
    return o;
  }

  /** A manager file's contents, or the historic inline object. */
  public static ObjectNode manager(ManagerSettings settings) {
    ObjectNode o = Trees.object();
    o.put("host", settings.host());
    o.put("port", settings.port());
    ArrayNode key = o.putArray("key");
    for (byte b : settings.key().revealBytes()) {
      key.add(b & 0xFF);
    }
    return o;
  }

  private static void manager(ObjectNode o, Manager manager) {
    switch (manager) {
      case Manager.File f -> o.put("manager", f.path());
      case Manager.Inline i -> o.set("manager", manager(i.settings()));
    }
  }

  private static ObjectNode connection(Connection c) {
    ObjectNode o = Trees.object();
    Trees.text(o, "name", c.name());
    Trees.text(o, "from_module", c.source().map(ModuleEndpoint::module));
    Trees.endpoint(o, "from_output", endpoint(c.source(), EndpointKind.OUTPUT));
    Trees.endpoint(o, "from_request", endpoint(c.source(), EndpointKind.REQUEST));
    o.put("to_module", c.target().module());
    Trees.endpoint(o, "to_input", endpoint(Optional.of(c.target()), EndpointKind.INPUT));
    Trees.endpoint(o, "to_handler", endpoint(Optional.of(c.target()), EndpointKind.HANDLER));
    o.put("encryption", c.encryption().name().toLowerCase(Locale.ROOT));
    Trees.key(o, "key", c.key());
    Trees.number(o, "id", c.id());
    o.put("nonce", c.nonce());
    o.put("direct", c.direct());
    Trees.flag(o, "established", c.established());
    return o;
  }

  private static Optional<EndpointRef> endpoint(Optional<ModuleEndpoint> end, EndpointKind kind) {
    return end.filter(e -> e.kind() == kind).map(ModuleEndpoint::endpoint);
  }

  private static ObjectNode event(PeriodicEvent e) {
    ObjectNode o = Trees.object();
    Trees.text(o, "name", e.name());
    Trees.number(o, "id", e.id());
    o.put("module", e.module());
    o.put("entry", e.entry());
    o.put("frequency", e.frequency());
    Trees.flag(o, "established", e.established());
    return o;
  }
}
