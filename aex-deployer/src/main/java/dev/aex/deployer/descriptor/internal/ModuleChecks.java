package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of modules against nodes: the node and old node exist, the node's type runs the module's
 * type, and no two modules on a node share an explicit id (the original lets that happen and the
 * second module then fails to load, deployer-reference.md §2.4).
 */
final class ModuleChecks {
  private ModuleChecks() {}

  static void run(Problems problems, List<Parsed<Module>> modules, Names nodeNames,
      Map<String, Node> nodes) {
    Map<String, String> idOwners = new HashMap<>();
    for (Parsed<Module> p : modules) {
      Report report = problems.at(p.item().label());
      boolean known = nodeNames.check(report, "node", Item.text(p.item().object(), "node"));
      nodeNames.check(report, "old_node", Item.text(p.item().object(), "old_node"));
      if (known && p.value().isPresent()) {
        Module module = p.value().get();
        Optional.ofNullable(nodes.get(module.node())).ifPresent(n -> checkType(report, module, n));
        module.id().ifPresent(id -> checkId(report, module, id, idOwners, nodes));
      }
    }
  }

  private static void checkType(Report report, Module module, Node node) {
    if (node.architecture() != module.architecture()) {
      String type = module.architecture().descriptorName();
      report.error("node", "Node " + node.name() + " (" + node.architecture().descriptorName()
          + ") does not support module " + module.name() + " (" + type + "); modules of type "
          + type + " need a node of type " + type);
    }
  }

  private static void checkId(Report report, Module module, int id, Map<String, String> owners,
      Map<String, Node> nodes) {
    String node = ModuleHome.of(module, name -> Optional.ofNullable(nodes.get(name)));
    String key = node + "#" + id;
    String owner = owners.putIfAbsent(key, module.name());
    if (owner != null) {
      report.error("id", "id " + id + " is also the id of module \"" + owner + "\" on node \""
          + node + "\"; give each module on a node its own id, or leave id out");
    }
  }
}
