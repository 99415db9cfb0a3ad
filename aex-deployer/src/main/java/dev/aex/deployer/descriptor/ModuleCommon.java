package dev.aex.deployer.descriptor;

import java.util.Optional;

/**
 * The fields every module has, whatever its type (deployer-reference.md §2.4).
 *
 * @param name the module's unique name, by which connections and events refer to it
 * @param node the node it is (to be) deployed on
 * @param oldNode the node it actually runs on; differs from {@code node} only while an update
 *     migrates it ({@code old_node}, default: {@code node})
 * @param priority modules with a priority deploy first, in ascending order
 * @param deployed whether it has been loaded (written as the original writes it: true, or null
 *     for "not yet"; false reads alike)
 * @param nonce the count of set_key and disable messages already sent to it, a u16
 * @param attested whether it has been attested
 */
public record ModuleCommon(String name, String node, String oldNode, Optional<Integer> priority,
    boolean deployed, int nonce, boolean attested) {
  public ModuleCommon {
    Checks.name("name", name);
    Checks.name("node", node);
    Checks.name("old_node", oldNode);
    Checks.nonNull(priority);
    Checks.u16("nonce", nonce);
  }

  /** A module not yet deployed on {@code node}, with every default of the descriptor. */
  public static ModuleCommon of(String name, String node) {
    return new ModuleCommon(name, node, node, Optional.empty(), false, 0, false);
  }

  /** After a set_key or disable message: the module's count of them. */
  public ModuleCommon withNonce(int next) {
    return new ModuleCommon(name, node, oldNode, priority, deployed, next, attested);
  }

  /** After Load. */
  public ModuleCommon withDeployed(boolean value) {
    return new ModuleCommon(name, node, oldNode, priority, value, nonce, attested);
  }

  /** After attestation. */
  public ModuleCommon withAttested(boolean value) {
    return new ModuleCommon(name, node, oldNode, priority, deployed, nonce, value);
  }
}
