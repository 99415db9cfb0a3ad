package dev.aex.deployer.descriptor;

import java.util.Objects;

/**
 * Where a node's event manager listens.
 *
 * @param host the IP address the descriptor's {@code host} resolved to at load time (the original
 *     stores and writes the address, not the name: deployer-reference.md §2.3)
 * @param reactivePort the port for every command but Load, and the base of module ports
 * @param deployPort the port for Load; the descriptor's default is {@code reactivePort}
 */
public record NodeAddress(String host, int reactivePort, int deployPort) {
  public NodeAddress {
    Objects.requireNonNull(host, "host");
    Checks.port("reactive_port", reactivePort);
    Checks.port("deploy_port", deployPort);
  }

  /** An address whose deploy port is the reactive port, the descriptor's default. */
  public static NodeAddress of(String host, int reactivePort) {
    return new NodeAddress(host, reactivePort, reactivePort);
  }
}
