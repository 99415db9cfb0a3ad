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
 * @param nonce the deployer's next counter under the module key: for an original module the
 *     count of set_key and disable messages sent to it (a u16, which it must match); for an aex
 *     module any counter the deployer has not used yet, up to 2^63 − 1 (SECURITY.md §4)
 * @param attested whether it has been attested
 */
public record ModuleCommon(String name, String node, String oldNode, Optional<Integer> priority,
    boolean deployed, long nonce, boolean attested) {
  public ModuleCommon {
    Checks.name("name", name);
    Checks.name("node", node);
    Checks.name("old_node", oldNode);
    Checks.nonNull(priority);
    Checks.sendCounter("nonce", nonce);
  }

  /** A module not yet deployed on {@code node}, with every default of the descriptor. */
  public static ModuleCommon of(String name, String node) {
    return new ModuleCommon(name, node, node, Optional.empty(), false, 0, false);
  }

  /** After a control message: the next counter under the module key. */
  public ModuleCommon withNonce(long next) {
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
