package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.HostResolver;
import dev.aex.deployer.descriptor.Manager;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleManifestLookup;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A whole descriptor tree: the top level (deployer-reference.md §2.1), every item, then the checks
 * across items. Everything is checked in one pass; the descriptor is built only if nothing failed.
 */
public final class DescriptorParser {
  static final Set<String> TOP_LEVEL = Fields.ordered("manager", "nodes", "modules", "connections",
      "connections_current_id", "periodic-events", "events_current_id");

  private final Problems problems;
  private final NodeParser nodeParser;
  private final ModuleManifestLookup manifests;

  public DescriptorParser(Problems problems, HostResolver resolver,
      ModuleManifestLookup manifests) {
    this.problems = problems;
    this.nodeParser = new NodeParser(resolver);
    this.manifests = manifests;
  }

  public Optional<Descriptor> parse(JsonNode root) {
    if (!(root instanceof ObjectNode top)) {
      problems.file().error("expected a mapping with nodes and modules at the top level, found "
          + Values.describe(root));
      return Optional.empty();
    }
    Fields f = new Fields(top, problems.file(), TOP_LEVEL);
    Optional<Manager> manager = manager(f);
    List<Parsed<Node>> nodes = items(top, "nodes", true, nodeParser::parse);
    List<Parsed<Module>> modules = items(top, "modules", true, ModuleParser::parse);
    int connectionsId = f.optionalInt("connections_current_id", 0, 0x10000, "an integer 0..65536")
        .orElse(0);
    List<Parsed<Connection>> connections =
        items(top, "connections", false, ConnectionParser::parse);
    int eventsId = f.optionalInt("events_current_id", 0, Integer.MAX_VALUE, "an integer ≥ 0")
        .orElse(0);
    List<Parsed<PeriodicEvent>> events = items(top, "periodic-events", false, EventParser::parse);
    f.checkUnknown(false);
    crossCheck(nodes, modules, connections, events);
    if (problems.errorCount() > 0) {
      return Optional.empty();
    }
    return Optional.of(new Descriptor(manager, values(nodes), values(modules), connectionsId,
        values(connections), eventsId, values(events)));
  }

  private void crossCheck(List<Parsed<Node>> nodes, List<Parsed<Module>> modules,
      List<Parsed<Connection>> connections, List<Parsed<PeriodicEvent>> events) {
    Names nodeNames = new Names("node", nodes, problems);
    Names moduleNames = new Names("module", modules, problems);
    new Names("connection", connections, problems);
    new Names("periodic event", events, problems);
    Map<String, Node> nodeMap = byName(nodes, Node::name);
    ModuleChecks.run(problems, modules, nodeNames, nodeMap);
    Map<String, Module> moduleMap = byName(modules, Module::name);
    EndpointChecks endpoints = new EndpointChecks(manifests, moduleMap);
    ConnectionChecks checks =
        new ConnectionChecks(problems, moduleNames, moduleMap, nodeMap, endpoints);
    checks.connections(connections);
    checks.events(events);
  }

  /** A path (since 2021-08) or the historic inline object. */
  private Optional<Manager> manager(Fields f) {
    if (!f.present("manager")) {
      return Optional.empty();
    }
    JsonNode v = f.value("manager");
    if (v instanceof ObjectNode inline) {
      return ManagerParser.parse(inline, problems.at("manager")).map(Manager.Inline::new);
    }
    return f.optionalName("manager").map(Manager.File::new);
  }

  private <T> List<Parsed<T>> items(ObjectNode top, String section, boolean required,
      BiFunction<Item, Report, Optional<T>> parser) {
    return Item.list(top, section, required, problems).stream()
        .map(item -> new Parsed<>(item, parser.apply(item, problems.at(item.label()))))
        .toList();
  }

  private static <T> List<T> values(List<Parsed<T>> parsed) {
    return parsed.stream().map(p -> p.value().orElseThrow()).toList();
  }

  /** The first parsed item of each name; duplicates are reported by {@link Names}. */
  private static <T> Map<String, T> byName(List<Parsed<T>> parsed,
      java.util.function.Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    parsed.forEach(p -> p.value().ifPresent(v -> map.putIfAbsent(name.apply(v), v)));
    return map;
  }
}
