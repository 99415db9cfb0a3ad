package dev.aex.deployer.descriptor;

import dev.aex.deployer.descriptor.internal.SystemHostResolver;
import java.util.Optional;

/**
 * Turns a node's {@code host} into the address the deployer stores and connects to. The original
 * resolves each host once, at load, and writes the IP address into the result
 * (deployer-reference.md §2.3); {@link #system()} does the same.
 */
@FunctionalInterface
public interface HostResolver {
  /** The address of {@code host}, or empty if it cannot be resolved. */
  Optional<String> resolve(String host);

  /**
   * IP literals as they are; names through the system resolver, keeping the first IPv4 address
   * (the protocol's Connect payload carries 4 address bytes).
   */
  static HostResolver system() {
    return new SystemHostResolver();
  }

  /** Keeps every host as written: for commands that never connect, and for tests. */
  static HostResolver unresolved() {
    return Optional::of;
  }
}
