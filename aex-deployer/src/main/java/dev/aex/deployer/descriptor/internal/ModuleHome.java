package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import java.util.Optional;
import java.util.function.Function;

/**
 * The node whose module ids and ports a module uses. Once deployed, that is where it runs, its
 * {@code old_node}: to update a module the user edits its {@code node} to the target, and the
 * target may well have a module with the same id. Otherwise (or when old_node is not a node of
 * the module's type) it is its {@code node}. The planner and the id checks share this rule.
 */
public final class ModuleHome {
  private ModuleHome() {}

  public static String of(Module m, Function<String, Optional<Node>> nodes) {
    if (m.common().deployed() && !m.common().oldNode().equals(m.node())
        && nodes.apply(m.common().oldNode())
            .filter(n -> n.architecture() == m.architecture()).isPresent()) {
      return m.common().oldNode();
    }
    return m.node();
  }
}
