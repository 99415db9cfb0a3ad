package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks of connections and periodic events against modules: the modules exist, support the
 * encryption and the request/handler kind, and have the named endpoints; explicit ids are unique
 * (deployer-reference.md §2.5, §2.6, §6.4); the node a connection goes to has an IPv4 host, the
 * only kind of address the Connect message carries (protocol.md §1.6.1).
 */
final class ConnectionChecks {
  private final Problems problems;
  private final Names moduleNames;
  private final Map<String, Module> modules;
  private final Map<String, Node> nodes;
  private final EndpointChecks endpoints;

  ConnectionChecks(Problems problems, Names moduleNames, Map<String, Module> modules,
      Map<String, Node> nodes, EndpointChecks endpoints) {
    this.problems = problems;
    this.moduleNames = moduleNames;
    this.modules = modules;
    this.nodes = nodes;
    this.endpoints = endpoints;
  }

  void connections(List<Parsed<Connection>> connections) {
    for (Parsed<Connection> p : connections) {
      Report report = problems.at(p.item().label());
      Optional<String> fromModule = Item.text(p.item().object(), "from_module");
      boolean from = moduleNames.check(report, "from_module", fromModule);
      boolean to = moduleNames.check(report, "to_module", Item.text(p.item().object(), "to_module"));
      // Direct: no from_module, or (as a result writes it) null.
      if (to && (from || fromModule.isEmpty()) && p.value().isPresent()) {
        checkEnds(report, p.value().get());
      }
    }
    uniqueIds(connections, Connection::id, "connection");
  }

  void events(List<Parsed<PeriodicEvent>> events) {
    for (Parsed<PeriodicEvent> p : events) {
      Report report = problems.at(p.item().label());
      boolean known = moduleNames.check(report, "module", Item.text(p.item().object(), "module"));
      // A registered event's entry was resolved then; a rebuilt module may name it otherwise.
      if (known && p.value().isPresent() && !p.value().get().established()) {
        endpoints.checkEntry(report, p.value().get().module(), p.value().get().entry());
      }
    }
    uniqueIds(events, PeriodicEvent::id, "periodic event");
  }

  private void checkEnds(Report report, Connection c) {
    Optional<Module> source = c.source().map(s -> modules.get(s.module()));
    Module target = modules.get(c.target().module());
    if (target == null || (c.source().isPresent() && source.isEmpty())) {
      return; // a module with errors of its own: already reported
    }
    String names = source.map(s -> s.name() + " and ").orElse("the deployer and ") + target.name();
    if (!target.architecture().encryptions().contains(c.encryption())
        || source.filter(s -> !s.architecture().encryptions().contains(c.encryption())).isPresent()) {
      report.error("encryption", "Encryption " + c.encryption().name().toLowerCase(Locale.ROOT)
          + " not supported between " + names + " (sancus modules support spongent only)");
    }
    // An established connection's names were resolved then; a module rebuilt since (an update
    // that renames an input along with the result file) may name them otherwise.
    boolean byName = !c.established();
    checkEnd(report, "to_", target, c.target(), byName);
    c.source().ifPresent(s -> checkEnd(report, "from_", source.get(), s, byName));
    if (c.source().isPresent()) {
      checkIpv4(report, target);
    }
  }

  /** The source's node learns where the target runs from a Connect: 4 address bytes. */
  private void checkIpv4(Report report, Module target) {
    Node node = nodes.get(target.common().oldNode());
    if (node != null && node.address().host().contains(":")) {
      report.error("to_module", "module " + target.name() + " runs on node " + node.name()
          + ", whose host " + node.address().host() + " is an IPv6 address, and the Connect"
          + " message carries IPv4 addresses only: give node " + node.name() + " an IPv4 host");
    }
  }

  /** The end's kind exists on the module's type, and (if {@code byName}) its name on the module. */
  private void checkEnd(Report report, String prefix, Module module, ModuleEndpoint end,
      boolean byName) {
    String field = prefix + end.kind().singular();
    boolean requests = end.kind() == EndpointKind.REQUEST || end.kind() == EndpointKind.HANDLER;
    if (requests && !module.architecture().supportsRequests()) {
      report.error(field, "Request/handler messages not supported for module \"" + module.name()
          + "\" (" + module.architecture().descriptorName() + "); only native and sgx modules "
          + "have requests and handlers");
      return;
    }
    if (byName) {
      endpoints.check(report, field, module.name(), end.kind(), end.endpoint());
    }
  }

  private <T> void uniqueIds(List<Parsed<T>> items, Function<T, Optional<Integer>> id,
      String what) {
    Map<Integer, String> owners = new HashMap<>();
    for (Parsed<T> p : items) {
      p.value().flatMap(id).ifPresent(n -> {
        String owner = owners.putIfAbsent(n, p.item().label());
        if (owner != null) {
          problems.at(p.item().label()).error("id", "id " + n + " is also the id of " + owner
              + "; give each " + what + " its own id, or leave id out");
        }
      });
    }
  }
}
